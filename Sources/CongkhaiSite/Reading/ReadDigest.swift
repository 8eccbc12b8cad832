import CongkhaiDomain
import Foundation

/// What reading a file gave that lists and links can show, without the body:
/// its metadata, the citations it makes (without where they stand), its
/// standards, attachments, extra keys, appendix titles and procedure.
/// A record's digest is made from the document's read key (`BuildState.readKey(of:)`)
/// instead of the file's bytes, so that editing a sentence of a body re-renders that
/// document's page but leaves the year, type and number lists, catalogues and
/// tables alone, and the pages of the documents that link to it.
enum ReadDigest {
    private struct Facts: Encodable {
        let metadata: DocumentMetadata
        let citations: [CitationFacts]
        let standards: [TechnicalStandard]
        let attachments: [AttachmentFile]
        let extra: [String: YAMLValue]
        let appendices: [String]
        let procedure: Procedure?
    }

    /// A citation as lists and links use it: its place in the text (line, byte range) left out.
    private struct CitationFacts: Encodable {
        let written: String
        let text: String
        let number: DocumentNumber
        let typeWord: String?
        let date: DocumentDate?
        let issuer: String?
        let summary: String?
        let mistypedDate: String?
    }

    static func of(_ doc: Document) -> String {
        let facts = Facts(
            metadata: doc.metadata,
            citations: doc.citations.map {
                let c = $0.citation
                return CitationFacts(written: c.written, text: c.text, number: c.number, typeWord: c.typeWord, date: c.date,
                                     issuer: c.issuer, summary: c.summary, mistypedDate: c.mistypedDate)
            },
            standards: doc.standards, attachments: doc.attachments, extra: doc.extra,
            appendices: doc.appendices.map { $0.title + "\n" + ($0.subtitle ?? "") }, procedure: doc.procedure)
        let encoder = JSONEncoder()
        // Sorted keys: `extra` is a dictionary, whose order changes from one run to the next.
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(facts) else { return doc.sourceDigest }
        return ContentDigest.of(data)
    }
}
