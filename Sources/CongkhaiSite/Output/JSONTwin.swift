import Foundation

/// `index.json` beside a document's or procedure's `index.html`: the page as
/// data. It is the record's catalogue entry, made by the very function that
/// makes its item in `api/documents.json` or `api/procedures.json` (one
/// serialisation of the record, reused), with the rendered text the page shows.
enum JSONTwin {
    /// The twin as the bytes of its file: written as they are made, never made a string (which checks every byte).
    static func json(_ record: DocumentRecord) -> [UInt8] {
        guard record.procedure == nil, case .object(let fields) = Catalogue.entry(record) else {
            return Catalogue.procedureEntry(record).serializedBytes()
        }
        // Links in the HTML are relative to the page, and so to this file beside it.
        return JSONValue.object(fields + textFields(record.text)).serializedBytes()
    }

    /// The twin's last fields: the rendered text the page shows.
    static func textFields(_ text: RenderedText) -> [(String, JSONValue)] {
        let appendices = text.appendices.map { a in
            JSONValue.object([("id", .string(a.id)), ("title", .string(a.title)), ("subtitle", .optional(a.subtitle)),
                              ("html", .string(a.html))])
        }
        return [("bodyHTML", .string(text.bodyHTML)), ("appendices", .array(appendices))]
    }

    /// A document twin's rendered text, read back from its bytes (see `TextEdits`).
    static func text(in twin: Data) -> RenderedText? {
        guard let object = try? JSONSerialization.jsonObject(with: twin) as? [String: Any], let body = object["bodyHTML"] as? String,
              let list = object["appendices"] as? [[String: Any]] else { return nil }
        var text = RenderedText()
        text.bodyHTML = body
        for a in list {
            guard let id = a["id"] as? String, let title = a["title"] as? String, let html = a["html"] as? String else { return nil }
            text.appendices.append(.init(id: id, title: title, subtitle: a["subtitle"] as? String, html: html))
        }
        return text
    }

    /// The document twin `twin` with its text `old` replaced by `new`. What comes before the text is the
    /// record's catalogue entry, which an edit of the text alone leaves as it is. Nil unless the twin is
    /// exactly that part followed by `old` as `json(_:)` writes it: then the result is what it would write.
    static func replacingText(in twin: Data, old: RenderedText, new: RenderedText) -> String? {
        let bytes = [UInt8](twin)
        // In the pretty form a top-level key follows ",\n  "; inside a string a line break is written "\n".
        guard let at = TextEdits.occurrences(of: Array(",\n  \"bodyHTML\": ".utf8), in: bytes, atMost: 1).first else { return nil }
        func tail(_ text: RenderedText) -> [UInt8] {
            // "{\n  "bodyHTML": ...\n}\n": what follows its "{\n" follows ",\n" in the twin
            Array(",\n".utf8) + Array(JSONValue.object(textFields(text)).serialized().utf8).dropFirst(2)
        }
        let head = Array(bytes[..<at])
        guard head + tail(old) == bytes else { return nil }
        return String(decoding: head + tail(new), as: UTF8.self)
    }
}
