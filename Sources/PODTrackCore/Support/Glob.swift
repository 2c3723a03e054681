/// Shell-style file name patterns: `*` any run of characters, `?` one character, all else literal.
public enum Glob {
    /// True when the whole of `name` matches `pattern`.
    public static func matches(_ name: String, pattern: String) -> Bool {
        let text = Array(name.unicodeScalars)
        let glob = Array(pattern.unicodeScalars)
        var t = 0, g = 0
        var starGlob = -1, starText = 0
        while t < text.count {
            if g < glob.count, glob[g] == "?" || glob[g] == text[t] {
                t += 1
                g += 1
            } else if g < glob.count, glob[g] == "*" {
                starGlob = g
                starText = t
                g += 1
            } else if starGlob >= 0 {
                g = starGlob + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while g < glob.count, glob[g] == "*" { g += 1 }
        return g == glob.count
    }
}
