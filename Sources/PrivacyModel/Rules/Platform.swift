/// The platform a phase belongs to.
public enum Platform: String, CaseIterable, Hashable, Sendable {
  case wechatShop = "wechat-shop"
  case taobao
}
