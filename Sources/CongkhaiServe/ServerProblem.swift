import CongkhaiMessages
import FlyingSocks

/// Why the preview server could not listen or stopped, in the reader's words: FlyingFox
/// describes a failed system call in English ("SocketError. bind(98): Address already in use"),
/// so its `errno` is said from the catalogues instead (a port in use, an address this computer lacks).
public enum ServerProblem {
    public static func describe(_ error: Error) -> String {
        if case SocketError.failed(_, let code, _) = error { return FileProblem.describe(errno: code) }
        return FileProblem.describe(error)
    }
}
