import Foundation

/// `reportgen theme export DIR`: writes the built-in theme's files into a folder, to be edited and
/// used with site.yml's `theme` or `--theme`. Only ever writes inside that folder: it refuses a
/// folder that is not empty (unless `force`), and with `force` refuses to write through a symbolic
/// link met on the way (a link could lead anywhere).
public enum ThemeExport {
    /// Writes `files` (path relative to the theme → bytes) into `folder`, shown as `display`;
    /// returns the paths written, as shown to the user, sorted.
    public static func write(_ files: [String: Data] = ThemeFiles.builtInFiles, to folder: URL, display: String,
                             force: Bool) throws(DiagnosticList) -> [String] {
        let fileManager = FileManager.default
        let root = folder.standardizedFileURL
        let here = SourceLocation(file: display)
        switch kind(root.path) {
        case .none:
            do { try fileManager.createDirectory(at: root, withIntermediateDirectories: true) } catch {
                throw DiagnosticList(.error(.writeFailed, "cannot create the folder '\(display)': \(error.localizedDescription)", at: here))
            }
        case _ where isFolder(root.path):  // a folder, or a link to one the user named
            let entries = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
            if !entries.isEmpty && !force {
                throw DiagnosticList(.error(.themeExportFolderNotEmpty, "folder '\(display)' is not empty", at: here,
                                            hint: "choose a new folder, or pass --force to overwrite the theme's files in it (other files are left alone)"))
            }
        default:
            throw DiagnosticList(.error(.outputNotAFolder, "'\(display)' exists and is not a folder", at: here, hint: "choose a new folder"))
        }
        var written: [String] = []
        for path in files.keys.sorted() {
            let parts = path.split(separator: "/").map(String.init)
            guard !parts.isEmpty, !path.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." }) else {
                throw DiagnosticList(.error(.internalError, "the built-in theme holds the unsafe path '\(path)'", at: here))
            }
            var current = root
            for (index, part) in parts.enumerated() {
                current.appendPathComponent(part)
                let shown = display + "/" + parts[...index].joined(separator: "/")
                switch kind(current.path) {
                case .typeSymbolicLink?:
                    throw DiagnosticList(.error(.themeExportThroughLink, "'\(shown)' is a symbolic link; exporting would write through it, perhaps outside '\(display)'",
                                                at: SourceLocation(file: shown), hint: "remove the link, or export into a new folder"))
                case nil where index < parts.count - 1:
                    do { try fileManager.createDirectory(at: current, withIntermediateDirectories: false) } catch {
                        throw DiagnosticList(.error(.writeFailed, "cannot create the folder '\(shown)': \(error.localizedDescription)", at: SourceLocation(file: shown)))
                    }
                default: break
                }
            }
            let shown = display + "/" + path
            do { try files[path]!.write(to: current) } catch {
                throw DiagnosticList(.error(.writeFailed, "cannot write '\(shown)': \(error.localizedDescription)", at: SourceLocation(file: shown)))
            }
            written.append(shown)
        }
        return written
    }

    /// The type of the entry at `path` itself (a link is not followed), `nil` when there is none.
    private static func kind(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
