public import ArgumentParser
public import PrivacyModel

/// `simrun timeline --week-of event|creation`.
extension WeeklySeriesBasis: ExpressibleByArgument {}
