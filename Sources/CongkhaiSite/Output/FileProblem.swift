import Foundation

/// File-system errors in plain words: a clerk must never see an
/// NSCocoaErrorDomain dump, only what happened and where.
enum FileProblem {
    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil }
            ?? (ns.domain == NSPOSIXErrorDomain ? Int32(ns.code) : nil)
        let what: String
        switch posix {
        case ENOSPC?: what = "the disk is full"
        case EROFS?: what = "the disk is read-only"
        case EACCES?, EPERM?: what = "permission denied"
        case ENOENT?: what = "it does not exist"
        case EXDEV?: what = "it is on another disk"
        case EBUSY?: what = "it is in use (a mount point?)"
        case let code?: what = String(cString: strerror(code))
        case nil:
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileWriteOutOfSpace: what = "the disk is full"
            case .fileWriteVolumeReadOnly: what = "the disk is read-only"
            case .fileWriteNoPermission, .fileReadNoPermission: what = "permission denied"
            case .fileNoSuchFile, .fileReadNoSuchFile: what = "it does not exist"
            case .fileWriteFileExists: what = "something is already there"
            default: what = ns.domain == NSCocoaErrorDomain ? "error \(ns.code)" : "\(error)"
            }
        }
        return path.map { "\($0): \(what)" } ?? what
    }
}
