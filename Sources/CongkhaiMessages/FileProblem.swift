import Foundation

/// File-system errors in plain words, in the command line's language: a clerk must never see an
/// NSCocoaErrorDomain dump, only what happened and where. Here, beside the words, so that every module
/// that reports a file's failure (the build, import, archive, publish) says it the same way.
public enum FileProblem {
    public static func describe(_ error: Error, in words: MessageCatalogue = Messages.current) -> String {
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil }
            ?? (ns.domain == NSPOSIXErrorDomain ? Int32(ns.code) : nil)
        let what: String
        if let posix {
            what = describe(errno: posix, in: words)
        } else {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileWriteOutOfSpace: what = words.text(FileProblemText.diskFull)
            case .fileWriteVolumeReadOnly: what = words.text(FileProblemText.readOnly)
            case .fileWriteNoPermission, .fileReadNoPermission: what = words.text(FileProblemText.permissionDenied)
            case .fileNoSuchFile, .fileReadNoSuchFile: what = words.text(FileProblemText.doesNotExist)
            case .fileWriteFileExists: what = words.text(FileProblemText.alreadyThere)
            // Foundation's other codes: 256-511 reading, 512-767 writing (CocoaError.Code).
            case _ where ns.domain == NSCocoaErrorDomain && (256..<512).contains(ns.code): what = words.text(FileProblemText.cannotRead)
            case _ where ns.domain == NSCocoaErrorDomain && (512..<768).contains(ns.code): what = words.text(FileProblemText.cannotWrite)
            default: what = ns.domain == NSCocoaErrorDomain ? words.text(FileProblemText.errorNumber, ["code": "\(ns.code)"]) : "\(error)"
            }
        }
        return path.map { "\($0): \(what)" } ?? what
    }

    /// A failed system call's `errno` in plain words; a rare one keeps the system's own text.
    public static func describe(errno code: Int32, in words: MessageCatalogue = Messages.current) -> String {
        switch code {
        case ENOSPC: return words.text(FileProblemText.diskFull)
        case EROFS: return words.text(FileProblemText.readOnly)
        case EACCES, EPERM: return words.text(FileProblemText.permissionDenied)
        case ENOENT: return words.text(FileProblemText.doesNotExist)
        case EXDEV: return words.text(FileProblemText.otherDisk)
        case EBUSY: return words.text(FileProblemText.inUse)
        case EEXIST: return words.text(FileProblemText.alreadyThere)
        case ENOTDIR: return words.text(FileProblemText.notAFolder)
        case EADDRINUSE: return words.text(FileProblemText.addressInUse)
        case EADDRNOTAVAIL: return words.text(FileProblemText.addressUnavailable)
        default: return String(cString: strerror(code))
        }
    }
}
