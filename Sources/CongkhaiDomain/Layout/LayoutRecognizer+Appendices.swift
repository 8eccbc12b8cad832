/// "PHỤ LỤC ..." and what follows it, shown after the signature.
extension LayoutRecognizer {
    /// "PHỤ LỤC SỐ LIỆU", "Phụ lục I", "PHỤ LỤC 02": a short line opening an appendix.
    public static func isAppendixHeading(_ line: String) -> Bool {
        // a first byte that is none of the four rules out each prefix at once, as it does in `hasASCIIPrefix`
        guard line.utf8.count <= 500, let first = line.utf8.first,
              first == UInt8(ascii: "P") || first == UInt8(ascii: "*") || first == UInt8(ascii: "#") || first == UInt8(ascii: "_"),
              LineText.hasASCIIPrefix(line, "P") || LineText.hasASCIIPrefix(line, "*")
                || LineText.hasASCIIPrefix(line, "#") || LineText.hasASCIIPrefix(line, "_") else {
            return false
        }
        let clean = LineText.clean(line)
        guard clean.count <= 160 else { return false }
        if clean.hasPrefix("PHỤ LỤC") { return true }
        guard clean.hasPrefix("Phụ lục ") else { return false }
        let rest = clean.dropFirst("Phụ lục ".count)
        guard let f = rest.first else { return false }
        return (f.isUppercase || f.isNumber) && !LineText.endsSentence(clean)
    }

    static func splitAppendices(_ lines: [SourceLine]) -> [Appendix] {
        var out: [Appendix] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.startsParagraph || index == 0, isAppendixHeading(line.text) {
                var appendix = Appendix(title: LineText.clean(line.text), subtitle: nil, lines: [])
                index += 1
                // the title may run on ("PHỤ LỤC" / "SỐ LIỆU ...") and be followed by "(Kèm theo ...)"
                while index < lines.count, !lines[index].startsParagraph, VietnameseText.isUpperCase(LineText.clean(lines[index].text)) {
                    appendix.title += " " + LineText.clean(lines[index].text); index += 1
                }
                if index < lines.count, LineText.clean(lines[index].text).hasPrefix("(") {
                    var subtitle = LineText.clean(lines[index].text); index += 1
                    while index < lines.count, !lines[index].startsParagraph, !subtitle.hasSuffix(")") {
                        subtitle += " " + LineText.clean(lines[index].text); index += 1
                    }
                    appendix.subtitle = subtitle
                }
                out.append(appendix)
                continue
            }
            if out.isEmpty { out.append(Appendix(title: "", subtitle: nil, lines: [])) }
            var copy = line
            if out[out.count - 1].lines.isEmpty { copy.startsParagraph = true }
            out[out.count - 1].lines.append(copy)
            index += 1
        }
        return out.filter { !$0.lines.isEmpty || !$0.title.isEmpty }
    }
}

import Foundation
