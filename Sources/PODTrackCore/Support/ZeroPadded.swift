extension Int {
    /// The number in decimal with leading zeros up to `width` digits: `7.zeroPadded(3)` is `007`.
    public func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
