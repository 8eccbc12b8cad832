@testable import CongkhaiSite
import Foundation
import Mustache
import Testing

/// The compiled renderer must give what swift-mustache gives. Cases from the
/// Mustache specification (interpolation, sections, inverted sections,
/// partials, inheritance, standalone lines, indentation) are rendered both
/// ways and compared with the specification's expected text.
@Suite struct CompiledTemplateTests {
    struct Case: CustomStringConvertible {
        let name: String
        let template: String
        let data: [String: Any]
        var partials: [String: String] = [:]
        let expected: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no tags", template: "Xin chào\n", data: [:], expected: "Xin chào\n"),
        Case(name: "basic interpolation", template: "Hello, {{subject}}!", data: ["subject": "world"], expected: "Hello, world!"),
        Case(name: "HTML escaping", template: "{{forbidden}} {{{forbidden}}} {{& forbidden}}", data: ["forbidden": "& \" < > '"],
             expected: "&amp; &quot; &lt; &gt; &#39; & \" < > ' & \" < > '"),
        Case(name: "integers", template: "{{mph}} miles", data: ["mph": 85], expected: "85 miles"),
        Case(name: "missing key", template: "I ({{cannot}}) be seen!", data: [:], expected: "I () be seen!"),
        Case(name: "dotted names", template: "{{person.name}} {{#person}}{{name}}{{/person}}", data: ["person": ["name": "Joe"]],
             expected: "Joe Joe"),
        Case(name: "dotted names, broken chain", template: "[{{a.b.c}}]", data: ["a": [String: Any]()], expected: "[]"),
        Case(name: "dotted names, initial resolution", template: "{{#a}}{{b.c}}{{/a}}",
             data: ["a": ["x": 1], "b": ["c": "ERROR? no: found up the stack"]], expected: "ERROR? no: found up the stack"),
        Case(name: "anchored name", template: "{{#a}}[{{.b}}]{{/a}}", data: ["a": ["x": 1], "b": "outer"], expected: "[]"),
        Case(name: "implicit iterator", template: "{{#list}}({{.}}){{/list}}", data: ["list": ["a", "b", "c"]],
             expected: "(a)(b)(c)"),
        Case(name: "standalone lines", template: "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", data: ["boolean": true],
             expected: "| This Is\n|\n| A Line\n"),
        Case(name: "indented standalone lines", template: "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n",
             data: ["boolean": true], expected: "| This Is\n|\n| A Line\n"),
        Case(name: "truthy section", template: "\"{{#boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": true],
             expected: "\"This should be rendered.\""),
        Case(name: "falsey section", template: "\"{{#boolean}}This should not be rendered.{{/boolean}}\"", data: ["boolean": false],
             expected: "\"\""),
        Case(name: "context section", template: "\"{{#context}}Hi {{name}}.{{/context}}\"", data: ["context": ["name": "Joe"]],
             expected: "\"Hi Joe.\""),
        Case(name: "list section", template: "\"{{#list}}{{item}}{{/list}}\"",
             data: ["list": [["item": 1], ["item": 2], ["item": 3]]], expected: "\"123\""),
        Case(name: "empty list", template: "\"{{#list}}Yay lists!{{/list}}\"", data: ["list": [Any]()], expected: "\"\""),
        Case(name: "deeply nested contexts",
             template: "{{#a}}{{one}}{{#b}}{{one}}{{two}}{{#c}}{{one}}{{two}}{{three}}{{/c}}{{/b}}{{/a}}",
             data: ["a": ["one": 1], "b": ["two": 2], "c": ["three": 3]], expected: "112123"),
        Case(name: "inverted falsey", template: "\"{{^boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": false],
             expected: "\"This should be rendered.\""),
        Case(name: "inverted truthy", template: "\"{{^boolean}}no{{/boolean}}\"", data: ["boolean": true], expected: "\"\""),
        Case(name: "inverted empty list", template: "\"{{^list}}Yay lists!{{/list}}\"", data: ["list": [Any]()],
             expected: "\"Yay lists!\""),
        Case(name: "inverted missing", template: "[{{^missing}}Found key 'missing'!{{/missing}}]", data: [:],
             expected: "[Found key 'missing'!]"),
        Case(name: "comments", template: "12345{{! Comment Block! }}67890", data: [:], expected: "1234567890"),
        Case(name: "standalone comment", template: "Begin.\n{{! Comment Block! }}\nEnd.\n", data: [:], expected: "Begin.\nEnd.\n"),
        Case(name: "partial", template: "\"{{>text}}\"", data: [:], partials: ["text": "from partial"], expected: "\"from partial\""),
        Case(name: "partial context", template: "\"{{>partial}}\"", data: ["text": "content"], partials: ["partial": "*{{text}}*"],
             expected: "\"*content*\""),
        Case(name: "missing partial", template: "\"{{>text}}\"", data: [:], expected: "\"\""),
        Case(name: "standalone indentation", template: "\\\n {{>partial}}\n/\n", data: ["content": "<\n->"],
             partials: ["partial": "|\n{{{content}}}\n|\n"], expected: "\\\n |\n <\n->\n |\n/\n"),
        Case(name: "inheritance default", template: "{{$title}}Default title{{/title}}\n", data: [:],
             expected: "Default title\n"),
        Case(name: "inheritance override", template: "{{<super}}{{$title}}sub template title{{/title}}{{/super}}", data: [:],
             partials: ["super": "...{{$title}}Default title{{/title}}..."], expected: "...sub template title..."),
        Case(name: "inheritance with data", template: "{{<include}}{{$var}}{{name}}{{/var}}{{/include}}", data: ["name": "Lan"],
             partials: ["include": "<{{$var}}default{{/var}}>"], expected: "<Lan>"),
        Case(name: "multilevel inheritance", template: "{{<parent}}{{$a}}c{{/a}}{{/parent}}", data: [:],
             partials: ["parent": "{{<older}}{{$a}}p{{/a}}{{/older}}", "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}",
                        "grandParent": "{{$a}}g{{/a}}"], expected: "c"),
        Case(name: "block indentation", template: "{{<parent}}{{$content}}\nOne\nTwo\n{{/content}}\n{{/parent}}\n", data: [:],
             partials: ["parent": "<div>\n  {{$content}}\n  {{/content}}\n</div>\n"], expected: "<div>\n  One\n  Two\n</div>\n"),
    ]

    /// Registered as the theme registers its templates: with congkhai's content type.
    static func library(_ c: Case) throws -> MustacheLibrary {
        _ = FastHTMLContentType.registered
        var library = MustacheLibrary()
        try library.register(FastHTMLContentType.pragma + c.template, named: "page")
        for (name, text) in c.partials { try library.register(FastHTMLContentType.pragma + text, named: name) }
        return library
    }

    @Test(arguments: cases) func rendersAsSwiftMustacheAndTheSpecification(_ c: Case) throws {
        let library = try Self.library(c)
        let renderer = try #require(CompiledRenderer(library, names: ["page"] + c.partials.keys))
        let compiled = try renderer.render(TemplateValue(c.data), template: "page")
        #expect(compiled == library.render(c.data, withTemplate: "page"))
        #expect(compiled == c.expected)
    }

    /// The default theme must compile, or every page silently takes the slow path.
    @Test func theDefaultThemeIsCompiled() throws {
        let theme = try Theme.load(SiteFixture.theme, language: "vi")
        #expect(theme.compiled != nil)
    }

    /// What the compiled renderer cannot reproduce goes to swift-mustache: the same page either way.
    @Test func aValueItCannotRenderFallsBackToSwiftMustache() throws {
        struct Custom { let name = "Struct" }
        let c = Case(name: "struct", template: "{{#x}}{{name}}{{/x}} {{list}}", data: ["x": Custom(), "list": [1, 2]], expected: "")
        let library = try Self.library(c)
        let renderer = try #require(CompiledRenderer(library, names: ["page"]))
        #expect(throws: TemplateValue.Unsupported.self) { try renderer.render(TemplateValue(c.data), template: "page") }
        #expect(throws: TemplateValue.Unsupported.self) { try renderer.render(TemplateValue(["list": [1, 2]]), template: "page") }
        // A transform is swift-mustache's alone: the template is not compiled.
        var withTransform = MustacheLibrary()
        try withTransform.register(FastHTMLContentType.pragma + "{{uppercased(name)}}", named: "page")
        #expect(CompiledRenderer(withTransform, names: ["page"]) == nil)
    }
}
