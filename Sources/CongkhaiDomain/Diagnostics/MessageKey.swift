/// Every diagnostic the build can report, as a key of the message catalogues
/// (`Sources/CongkhaiMessages/Resources/messages/{vi,en}.yml`: the key's text, and `<key>.hint`, the advice).
/// The domain names the problem and its values; the words are the catalogue's, chosen at print time.
/// A case missing from either catalogue fails `MessageCatalogueTests`.
public enum MessageKey: String, CaseIterable, Sendable {
    // Reading a file
    case notUTF16 = "file.utf16"
    case notUTF8Guess = "file.encoding-guess"
    case nulRemoved = "file.nul-removed"
    case notUTF8 = "file.not-utf8"
    case emptyFile = "file.empty"
    case tooLarge = "file.too-large"
    case unreadable = "file.unreadable"
    // Front matter
    case frontMatterUnclosed = "front-matter.unclosed"
    case frontMatterAnchor = "front-matter.anchor"
    case frontMatterInvalid = "front-matter.invalid"
    case frontMatterUnreadable = "front-matter.unreadable"
    case frontMatterNotMapping = "front-matter.not-mapping"
    case unknownType = "front-matter.unknown-type"
    case notANumber = "front-matter.not-a-number"
    case notSingle = "front-matter.not-single"
    case notAList = "front-matter.not-a-list"
    case notADate = "front-matter.not-a-date"
    case impossibleDate = "front-matter.impossible-date"
    case unknownKey = "key.unknown"
    case unknownKeyNoSuggestion = "key.unknown-no-suggestion"
    // Printed layout
    case placeDateUnreadable = "layout.place-date-unreadable"
    case placeDateImpossible = "layout.place-date-impossible"
    case placeDateNoYear = "layout.place-date-no-year"
    case numberMissing = "layout.number-missing"
    case numberDisagrees = "layout.number-disagrees"
    case missingFields = "document.missing-fields"
    case missingFieldsBare = "document.missing-fields-bare"
    // content folder, attachments, addresses
    case nameNotUTF8 = "content.name-not-utf8"
    case linkLeadsNowhere = "content.link-nowhere"
    case linkOutside = "content.link-outside"
    case folderUnreadable = "content.folder-unreadable"
    case sameNameOtherForm = "content.same-name"
    case activeFile = "content.active-file"
    case kindNotPublished = "content.kind-not-published"
    case attachmentUnreadable = "attachment.unreadable"
    case attachmentLarge = "attachment.large"
    case staticClash = "static.clash"
    case sameAddress = "corpus.same-address"
    case sameAddressProcedure = "corpus.same-address-procedure"
    case attachmentOutside = "attachment.outside"
    case attachmentNotFound = "attachment.not-found"
}
