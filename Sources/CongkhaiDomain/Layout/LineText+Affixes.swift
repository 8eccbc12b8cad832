/// `hasPrefix` and `hasSuffix` for a short ASCII affix ("|", "#", "  ", "\\"), decided on the bytes. The String
/// methods compare Characters under canonical equivalence, several hundred instructions a call on a Vietnamese
/// line, and these are asked of every line of every document.
///
/// The affix must hold no CR or LF (which pair into one Character) and none of "K", ";", "`" (which the Kelvin
/// sign, U+037E and U+1FEF are canonically equivalent to). Then a Character equal to one of the affix's is that
/// ASCII scalar alone, so bytes that differ mean the answer is no. Bytes that match mean yes when the scalar next
/// to the affix cannot join it into one Character: an ASCII one (or none), or before a suffix one that is not a
/// Prepend scalar, which is only known here for ASCII. Otherwise the String method answers.
extension LineText {
    static func hasASCIIPrefix(_ line: String, _ prefix: StaticString) -> Bool {
        let answer: Bool?? = line.utf8.withContiguousStorageIfAvailable { bytes in
            prefix.withUTF8Buffer { affix -> Bool? in
                guard bytes.count >= affix.count else { return false }
                for i in 0..<affix.count where bytes[i] != affix[i] { return false }
                return bytes.count == affix.count || bytes[affix.count] < 0x80 ? true : nil
            }
        }
        if let answer, let decided = answer { return decided }
        return line.hasPrefix(prefix.description)
    }

    static func hasASCIISuffix(_ line: String, _ suffix: StaticString) -> Bool {
        let answer: Bool?? = line.utf8.withContiguousStorageIfAvailable { bytes in
            suffix.withUTF8Buffer { affix -> Bool? in
                let start = bytes.count - affix.count
                guard start >= 0 else { return false }
                for i in 0..<affix.count where bytes[start + i] != affix[i] { return false }
                return start == 0 || bytes[start - 1] < 0x80 ? true : nil
            }
        }
        if let answer, let decided = answer { return decided }
        return line.hasSuffix(suffix.description)
    }
}
