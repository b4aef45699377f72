/// reportgen's version: the one place it is written. `reportgen --version` prints it, every page
/// names it in `<meta name="generator">` (template key `generator`), and the Makefile reads it from
/// this line for `make dist` and `make deb`.
public enum ReportgenVersion {
    public static let current = "0.1.0"
    /// What pages say made them: "reportgen 0.1.0".
    public static let generator = "reportgen \(current)"
}
