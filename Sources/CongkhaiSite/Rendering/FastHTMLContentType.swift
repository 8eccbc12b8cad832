import Mustache

/// The same escaping as swift-mustache's HTML content type (the five
/// characters & < > " '), without its per-character dictionary lookup,
/// which was a tenth of a large build. Every theme template is given this
/// content type when it is loaded.
struct FastHTMLContentType: MustacheContentType {
    static let name = "CONGKHAI_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"
    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}
