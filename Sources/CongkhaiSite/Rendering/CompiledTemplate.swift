import Mustache

/// The theme's templates in a form that renders without swift-mustache's
/// context lookup, which was a fifth of a 10,000-document build: every
/// `{{key}}` split its name, walked the context stack and made several
/// dynamic casts (and a Mirror reflection on every non-dictionary value).
///
/// swift-mustache still parses the templates, so whitespace, standalone tags,
/// partials and inheritance follow its rules exactly; its parsed tokens are
/// read once per template (with Mirror: the library keeps them internal) and
/// compiled to the nodes below. A page's `[String: Any]` context is converted
/// once to `TemplateValue`, whose lookups are plain dictionary reads.
/// Anything this renderer does not know (a transform, a lambda, a dynamic
/// partial, another content type, a value of an unexpected type) makes
/// `Theme.render` use swift-mustache for that page, so the output is the same.
final class CompiledTemplate: Sendable {
    /// Indirect: a node is then one reference, where copying one of several payloads (as rendering does for each node
    /// it passes) went through the enum's value witness, retaining each string and template in it.
    indirect enum Node: Sendable {
        case text(String)
        case variable(TemplatePath, escaped: Bool)
        case section(TemplatePath, CompiledTemplate, inverted: Bool)
        /// `{{$name}}default{{/name}}`: the default, unless a page inheriting this one overrides it.
        case block(String, CompiledTemplate, indentation: String?)
        /// `{{> name}}` and `{{< name}}` (with the blocks it overrides).
        case partial(String, indentation: String?, overrides: [String: CompiledTemplate]?)
    }

    let nodes: [Node]

    init(_ nodes: [Node]) { self.nodes = nodes }

    /// Compiles a template parsed by swift-mustache, or nil when it uses something this renderer leaves to swift-mustache.
    static func compile(_ template: MustacheTemplate) -> CompiledTemplate? {
        guard let tokens = Mirror(reflecting: template).descendant("tokens") as? [Any] else { return nil }
        var nodes: [Node] = []
        for token in tokens {
            guard let (kind, payload) = Self.payload(of: token) else { return nil }
            switch kind {
            case "text":
                guard let text = payload.first as? String else { return nil }
                nodes.append(.text(text))
            case "variable", "unescapedVariable":
                guard payload.count == 2, let name = payload[0] as? String, (payload[1] as? [String])?.isEmpty == true,
                      let path = TemplatePath(name) else { return nil }
                nodes.append(.variable(path, escaped: kind == "variable"))
            case "section", "invertedSection":
                guard payload.count == 3, let name = payload[0] as? String, (payload[1] as? [String])?.isEmpty == true,
                      let path = TemplatePath(name), let inner = (payload[2] as? MustacheTemplate).flatMap(compile) else { return nil }
                nodes.append(.section(path, inner, inverted: kind == "invertedSection"))
            case "blockExpansion":
                guard payload.count == 3, let name = payload[0] as? String,
                      let inner = (payload[1] as? MustacheTemplate).flatMap(compile) else { return nil }
                nodes.append(.block(name, inner, indentation: payload[2] as? String))
            case "partial":
                guard payload.count == 3, let name = payload[0] as? String else { return nil }
                var overrides: [String: CompiledTemplate]?
                if let inherits = payload[2] as? [String: MustacheTemplate] {
                    var compiled: [String: CompiledTemplate] = [:]
                    for (block, template) in inherits {
                        guard let c = compile(template) else { return nil }
                        compiled[block] = c
                    }
                    overrides = compiled
                }
                nodes.append(.partial(name, indentation: payload[1] as? String, overrides: overrides))
            case "contentType":
                // Every theme template starts with FastHTMLContentType's pragma; any other content type is swift-mustache's.
                guard payload.first is FastHTMLContentType else { return nil }
            default:
                return nil
            }
        }
        return CompiledTemplate(nodes)
    }

    /// An enum case's name and its associated values, in order.
    private static func payload(of token: Any) -> (String, [Any])? {
        guard let child = Mirror(reflecting: token).children.first, let label = child.label else { return nil }
        let values = Mirror(reflecting: child.value)
        if values.displayStyle == .tuple { return (label, values.children.map(\.value)) }
        return (label, [child.value])
    }
}

/// A `{{name}}` as swift-mustache resolves it: `.` is the current value; `a.b`
/// finds `a` in the innermost value of the stack that has it, then `b` in that;
/// `.a` looks only in the current value.
struct TemplatePath: Sendable {
    enum Anchor: Sendable { case current, top, stack }
    let names: [String]
    let anchor: Anchor

    init?(_ name: String) {
        if name == "." {
            names = []; anchor = .current
        } else if name.isEmpty {
            return nil // a transform on the sequence context: swift-mustache's
        } else {
            names = name.split(separator: ".").map(String.init)
            anchor = name.first == "." ? .top : .stack
            if names.isEmpty { return nil }
        }
    }
}

/// A page's context, converted once from `[String: Any]`.
enum TemplateValue {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// The theme's UI strings as they are, not copied per page.
    case strings([String: String])

    struct Unsupported: Error {}

    init(_ any: Any) throws {
        // The types pages use, told apart by their exact type before any cast: a failed `as?` is a
        // runtime search, and the casts below tried up to seven of them per value. Each is converted
        // as the case of the casts it would have matched.
        let type = type(of: any)
        if type == String.self { self = .text(any as! String); return }
        if type == [String: Any].self { self = .object(try (any as! [String: Any]).mapValues(TemplateValue.init(_:))); return }
        if type == Bool.self { self = .flag(any as! Bool); return }
        if type == [[String: Any]].self {
            self = .list(try (any as! [[String: Any]]).map { .object(try $0.mapValues(TemplateValue.init(_:))) })
            return
        }
        if type == [String: String].self { self = .strings(any as! [String: String]); return }
        if type == [[String: String]].self {
            self = .list((any as! [[String: String]]).map { .object($0.mapValues(TemplateValue.text)) })
            return
        }
        if type == Int.self { self = .number(any as! Int); return }
        if type == [String].self { self = .list((any as! [String]).map(TemplateValue.text)); return }
        try self.init(casting: any)
    }

    /// Any other type, by the casts that decided every value before the exact types above (tests
    /// compare the two, which is why the values inside are converted by casts too).
    init(casting any: Any) throws {
        // Checked before the casts: casting [String: String] to [String: Any] would box every string of it.
        if type(of: any) == [String: String].self, let d = any as? [String: String] {
            self = .strings(d)
            return
        }
        switch any {
        case let s as String: self = .text(s)
        case let b as Bool: self = .flag(b)
        case let n as Int: self = .number(n)
        case let d as [String: Any]: self = .object(try d.mapValues(TemplateValue.init(casting:)))
        case let a as [[String: Any]]: self = .list(try a.map { .object(try $0.mapValues(TemplateValue.init(casting:))) })
        case let a as [String]: self = .list(a.map(TemplateValue.text))
        case let a as [Any]: self = .list(try a.map(TemplateValue.init(casting:)))
        default: throw Unsupported()
        }
    }

    /// The value as swift-mustache and `[String: Any]` contexts take it: what `init(_:)` converts back to the same value
    /// (lists of objects as `[[String: Any]]`, the type it tells apart first). For a page whose context is built typed
    /// (DocumentPage) and must still render with swift-mustache when the compiled templates cannot.
    var any: Any {
        switch self {
        case .text(let s): return s
        case .number(let n): return n
        case .flag(let b): return b
        case .object(let values): return values.mapValues(\.any)
        case .strings(let values): return values
        case .list(let items):
            var objects: [[String: Any]] = []
            objects.reserveCapacity(items.count)
            for item in items {
                guard case .object(let values) = item else { return items.map(\.any) }
                objects.append(values.mapValues(\.any))
            }
            return objects
        }
    }

    func child(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let values): return values[name]
        case .strings(let values): return values[name].map(TemplateValue.text)
        default: return nil
        }
    }
}

/// Renders compiled templates with swift-mustache's semantics for the values
/// pages use; throws `TemplateValue.Unsupported` where it would differ.
struct CompiledRenderer {
    let templates: [String: CompiledTemplate]

    /// Every template of the library compiled, or nil when one cannot be.
    init?(_ library: MustacheLibrary, names: [String]) {
        var templates: [String: CompiledTemplate] = [:]
        for name in names {
            guard let template = library.getTemplate(named: name), let compiled = CompiledTemplate.compile(template) else { return nil }
            templates[name] = compiled
        }
        self.templates = templates
    }

    init(templates: [String: CompiledTemplate]) { self.templates = templates }

    /// Where rendering is: changed in place as it goes into a section, a block or a partial and put back as it
    /// comes out, so that a section's item is pushed onto the one stack, not onto a copy of it made for each item.
    private struct Context {
        var stack: [TemplateValue]
        var indentation: String?
        var overrides: [String: CompiledTemplate]?
    }

    func render(_ value: TemplateValue, template name: String) throws -> String? {
        try render(value, template: name, as: String.self)
    }

    /// `capacity`: about the size of the page, so that its buffer is not copied as it grows (a document's page is
    /// its body's HTML, often more than the 16 KB reserved by default).
    func render<Output: TemplateOutput>(_ value: TemplateValue, template name: String, as: Output.Type,
                                        capacity: Int = 16_384) throws -> Output? {
        guard let template = templates[name] else { return nil }
        var out = Output()
        out.reserveCapacity(capacity)
        var context = Context(stack: [value], indentation: nil, overrides: nil)
        try render(template, &context, into: &out)
        return out
    }

    private func render<Output: TemplateOutput>(_ template: CompiledTemplate, _ context: inout Context, into out: inout Output) throws {
        guard let indentation = context.indentation, !indentation.isEmpty else {
            // Through a buffer pointer, whose elements are read in place: a for-in loop, or the array's subscript,
            // copies each node (its strings retained, then released), hundreds a page.
            try template.nodes.withUnsafeBufferPointer { nodes in
                for i in nodes.indices { try render(nodes[i], &context, into: &out) }
            }
            return
        }
        // An indented partial: each line of what it renders starts with the indentation, as swift-mustache does it.
        var local = Output()
        for node in template.nodes {
            var piece = Output()
            try render(node, &context, into: &piece)
            if !piece.isEmpty, local.endsLine { local.append(indentation) }
            local.append(contentsOf: piece)
        }
        out.append(contentsOf: local)
    }

    private func render<Output: TemplateOutput>(_ node: CompiledTemplate.Node, _ context: inout Context, into out: inout Output) throws {
        switch node {
        case .text(let text):
            out.append(text)
        case .variable(let path, let escaped):
            guard let value = lookup(path, context.stack) else { return }
            let text: String
            switch value {
            case .text(let s): text = s
            case .number(let n): text = String(n)
            case .flag(let b): text = b ? "true" : "false"
            default: throw TemplateValue.Unsupported() // a list or an object printed: swift-mustache's description of it
            }
            if escaped { out.appendEscaped(text) } else { out.append(text) }
        case .section(let path, let inner, let inverted):
            let value = lookup(path, context.stack)
            if inverted {
                switch value {
                case .list(let items)?:
                    if items.isEmpty { try render(inner, pushing: value!, &context, into: &out) }
                case .flag(let b)?:
                    if !b { try render(inner, &context, into: &out) }
                case .some: break
                case nil: try render(inner, &context, into: &out)
                }
                return
            }
            switch value {
            case .list(let items)?:
                for item in items { try render(inner, pushing: item, &context, into: &out) }
            case .flag(let b)?:
                if b { try render(inner, &context, into: &out) }
            case let value?:
                try render(inner, pushing: value, &context, into: &out)
            case nil:
                break
            }
        case .block(let name, let fallback, let indented):
            let outer = context.indentation
            if let indented { context.indentation = (outer ?? "") + indented }
            try render(context.overrides?[name] ?? fallback, &context, into: &out)
            context.indentation = outer
        case .partial(let name, let indented, let overrides):
            guard let template = templates[name] else { return }
            let (outerIndentation, outerOverrides) = (context.indentation, context.overrides)
            if let indented { context.indentation = (outerIndentation ?? "") + indented }
            if let overrides {
                // The page's own blocks win over those of the templates it inherits from.
                context.overrides = outerOverrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            try render(template, &context, into: &out)
            (context.indentation, context.overrides) = (outerIndentation, outerOverrides)
        }
    }

    /// `template` with `value` on top of the stack.
    private func render<Output: TemplateOutput>(_ template: CompiledTemplate, pushing value: TemplateValue, _ context: inout Context,
                                                into out: inout Output) throws {
        context.stack.append(value)
        try render(template, &context, into: &out)
        context.stack.removeLast()
    }

    private func lookup(_ path: TemplatePath, _ stack: [TemplateValue]) -> TemplateValue? {
        switch path.anchor {
        case .current:
            return stack.last
        case .top:
            return descend(path.names[...], from: stack.last!)
        case .stack:
            // innermost first, read in place: iterating `stack.reversed()` copied each value it passed
            return stack.withUnsafeBufferPointer { values in
                var i = values.count - 1
                while i >= 0 {
                    if let found = values[i].child(path.names[0]) {
                        return path.names.count == 1 ? found : descend(path.names.dropFirst(), from: found)
                    }
                    i -= 1
                }
                return nil
            }
        }
    }

    private func descend(_ names: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
        var current = value
        for name in names {
            guard let next = current.child(name) else { return nil }
            current = next
        }
        return current
    }
}
