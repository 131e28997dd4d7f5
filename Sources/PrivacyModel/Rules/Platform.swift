/// The platform a phase belongs to.
public enum Platform: String, CaseIterable, Hashable, Sendable, Codable {
  case wechatShop = "wechat-shop"
  case taobao

  /// The platform's name as a reader knows it.
  public var displayName: String {
    switch self {
    case .wechatShop: "WeChat Shop"
    case .taobao: "Taobao"
    }
  }
}
