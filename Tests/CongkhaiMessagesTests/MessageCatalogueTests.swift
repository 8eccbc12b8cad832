import CongkhaiDomain
@testable import CongkhaiMessages
import Foundation
import Testing

/// The two catalogues say the same things: every key in both, with the same placeholders,
/// and every key the program uses (diagnostics and the command line's words) has its text.
struct MessageCatalogueTests {
    static let vi = try! MessageCatalogue.texts(of: .vi)
    static let en = try! MessageCatalogue.texts(of: .en)
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func bothCataloguesHaveTheSameKeys() {
        let onlyVi = Set(Self.vi.keys).subtracting(Self.en.keys).sorted()
        let onlyEn = Set(Self.en.keys).subtracting(Self.vi.keys).sorted()
        #expect(onlyVi.isEmpty, "only in vi.yml: \(onlyVi)")
        #expect(onlyEn.isEmpty, "only in en.yml: \(onlyEn)")
        #expect(Self.vi.count > 100)
    }

    @Test func everyPlaceholderOfOneLanguageIsInTheOther() {
        for (key, text) in Self.vi.sorted(by: { $0.key < $1.key }) {
            guard let english = Self.en[key] else { continue }
            let (a, b) = (MessageCatalogue.placeholders(text), MessageCatalogue.placeholders(english))
            #expect(a == b, "\(key): vi has \(a.sorted()), en has \(b.sorted())")
        }
    }

    @Test func everyDiagnosticKeyHasItsTextInBothLanguages() {
        for key in MessageKey.allCases {
            #expect(Self.vi[key.rawValue] != nil, "vi.yml lacks \(key.rawValue) (MessageKey.\(key))")
            #expect(Self.en[key.rawValue] != nil, "en.yml lacks \(key.rawValue) (MessageKey.\(key))")
        }
    }

    @Test func everyCommandTextHasItsTextInBothLanguages() {
        for key in CommandText.allCases {
            #expect(Self.vi[key.rawValue] != nil, "vi.yml lacks \(key.rawValue)")
            #expect(Self.en[key.rawValue] != nil, "en.yml lacks \(key.rawValue)")
        }
    }

    /// A key in the catalogues that nothing uses is a message no one will ever read (or a typo of a used one).
    @Test func everyCatalogueKeyIsUsed() {
        let used = Set(MessageKey.allCases.flatMap { [$0.rawValue, $0.rawValue + ".hint"] } + CommandText.allCases.map(\.rawValue)
            + CommandWordsTests.toolKeys)
        let unused = Self.en.keys.filter { !used.contains($0) && !$0.hasPrefix("severity.") && !$0.hasPrefix("step.") }.sorted()
        #expect(unused.isEmpty, "in the catalogues but used by nothing: \(unused)")
    }

    @Test func aDiagnosticIsPrintedInTheChosenLanguage() {
        let diagnostic = Diagnostic(.warning, file: "2025/a.md", line: 3, .attachmentNotFound, ["name": "so-lieu.pdf"])
        let vi = MessageCatalogue.bundled(.vi).render(diagnostic)
        let en = MessageCatalogue.bundled(.en).render(diagnostic)
        #expect(vi == "2025/a.md:3: cảnh báo: không tìm thấy tệp đính kèm 'so-lieu.pdf'\n    → "
                + "xem lại tên tệp (chữ, dấu và phần mở rộng), tệp có nằm cạnh văn bản không, loại tệp có được đăng không")
        #expect(en.hasPrefix("2025/a.md:3: warning: the attachment 'so-lieu.pdf' was not found\n    → check the file name"))
    }

    /// A value from content is inserted as it is: braces in it are not placeholders, control characters are escaped.
    @Test func valuesAreNotReadAsPlaceholders() {
        let diagnostic = Diagnostic(.warning, file: "a.md", .attachmentNotFound, ["name": "{name}\u{1B}[2J"])
        let printed = MessageCatalogue.bundled(.en).render(diagnostic)
        #expect(printed.hasPrefix("a.md: warning: the attachment '{name}\\u{1b}[2J' was not found"))
    }

    @Test func theLanguageFollowsTheArgumentThenTheLocaleThenSiteYML() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let siteYML = folder.appendingPathComponent("site.yml")
        try Data("name: Sở\nlanguage: en\n".utf8).write(to: siteYML)
        #expect(Language.resolve(argument: "vi", environment: ["LANG": "en_US.UTF-8"], siteYML: siteYML) == .vi)
        #expect(Language.resolve(argument: nil, environment: ["LANG": "en_US.UTF-8"], siteYML: nil) == .en)
        #expect(Language.resolve(argument: nil, environment: ["LC_MESSAGES": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"], siteYML: nil) == .vi)
        #expect(Language.resolve(argument: nil, environment: ["LANG": "C.UTF-8"], siteYML: siteYML) == .en)
        #expect(Language.resolve(argument: nil, environment: ["LANG": "C.UTF-8"], siteYML: nil) == .vi)
        #expect(Language.resolve(argument: nil, environment: [:], siteYML: folder.appendingPathComponent("none.yml")) == .vi)
    }

    /// Every `Diagnostic(...)` in the sources names a catalogue key, so that every message the build prints exists in
    /// Vietnamese and English. A diagnostic written the old way (an English sentence and `hint:`) fails here, named by
    /// file and line: convert it as the README's "Messages" section says.
    @Test func everyDiagnosticInTheSourcesHasACatalogueKey() throws {
        var found: [String] = []
        let sources = Self.repository.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift", url.lastPathComponent != "Diagnostic.swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for call in DiagnosticCalls.find(in: text) where !call.isKeyed {
                found.append("\(url.path.dropFirst(Self.repository.path.count + 1)):\(call.line): \(call.text.prefix(100))")
            }
        }
        let allowed = DiagnosticCalls.bridges
        let unconverted = found.filter { entry in !allowed.contains { entry.contains($0) } }
        #expect(unconverted.isEmpty, "diagnostics without a catalogue key:\n\(unconverted.joined(separator: "\n"))")
    }
}

/// `Diagnostic(` calls in Swift source, split into their arguments (strings and brackets respected).
enum DiagnosticCalls {
    struct Call {
        let line: Int
        let text: String
        let arguments: [String]

        /// The message argument (after the severity, `file:` and `line:`) is a key (`.attachmentNotFound`,
        /// `cond ? .a : .b`) or a key passed along (`key`, `problem.key`), and there is no `hint:`.
        var isKeyed: Bool {
            let rest = arguments.dropFirst().drop { $0.hasPrefix("file:") || $0.hasPrefix("line:") }
            guard let message = rest.first, !arguments.contains(where: { $0.hasPrefix("hint:") }) else { return false }
            if message.hasPrefix(".") || message.contains("? .") { return true }
            return message == "key" || message.hasSuffix(".key") || message.hasSuffix("Key")
        }
    }

    /// The one place a finding written before the catalogues is still turned into a diagnostic with its English text.
    static let bridges = ["Sources/CongkhaiDomain/Layout/PrintedLayout.swift"]

    static func find(in text: String) -> [Call] {
        let chars = Array(text)
        let marker = Array("Diagnostic(")
        var calls: [Call] = []
        var i = 0
        var line = 1
        while i < chars.count {
            if chars[i] == "\n" { line += 1 }
            let isStart = i + marker.count <= chars.count && Array(chars[i..<(i + marker.count)]) == marker
                && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber))
            guard isStart else { i += 1; continue }
            var depth = 0, j = i + marker.count - 1, inString = false
            var arguments: [String] = [], current = ""
            while j < chars.count {
                let c = chars[j]
                if inString {
                    current.append(c)
                    if c == "\\" { if j + 1 < chars.count { current.append(chars[j + 1]) }; j += 2; continue }
                    if c == "\"" { inString = false }
                } else if c == "\"" { inString = true; current.append(c) }
                else if c == "(" || c == "[" { depth += 1; if depth > 1 { current.append(c) } }
                else if c == ")" || c == "]" {
                    depth -= 1
                    if depth == 0 { arguments.append(current.trimmingCharacters(in: .whitespacesAndNewlines)); break }
                    current.append(c)
                } else if c == ",", depth == 1 { arguments.append(current.trimmingCharacters(in: .whitespacesAndNewlines)); current = "" }
                else { current.append(c) }
                j += 1
            }
            // a declaration (`init(`, `func ...(`) or a type use, not a call
            if arguments.count >= 3 {
                let callText = String(chars[i...min(j, chars.count - 1)]).replacingOccurrences(of: "\n", with: " ")
                calls.append(Call(line: line, text: callText, arguments: arguments))
            }
            i += marker.count
        }
        return calls
    }
}
