import CongkhaiDomain
@testable import CongkhaiSite
import Foundation
import Testing

/// Several documents' passages share a context file (`SearchFiles.textsPerFile`): which file holds which
/// document, and how one document's line in it is found and replaced by a rebuild.
@Suite struct SearchContextFilesTests {
    @Test func aDocumentsPassagesAreInTheFileOfItsPlace() {
        #expect(SearchFiles.textsPerFile == 4)
        #expect(SearchFiles.textFileName("bao-cao-0") == "bao-cao-0")
        #expect(SearchFiles.textFileName("bao-cao-3") == "bao-cao-0")
        #expect(SearchFiles.textFileName("bao-cao-4") == "bao-cao-1")
        #expect(SearchFiles.textFileName("bao-cao-13") == "bao-cao-3")
        // a type slug with dashes, and a document without a type ("_")
        #expect(SearchFiles.textFileName("cong-van-khac-9") == "cong-van-khac-2")
        #expect(SearchFiles.textFileName("_-5") == "_-1")
    }

    @Test func filesHoldTheirTypesDocumentsInTheOrderOfTheirPlaces() {
        // newest first, as the index numbers documents: places count from the oldest of each type
        let places: [(type: String, place: Int)] = [("bc", 5), ("kh", 1), ("bc", 4), ("bc", 3), ("kh", 0), ("bc", 2), ("bc", 1), ("bc", 0)]
        let files = SearchFiles.textFiles(places)
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.members) })
        #expect(files.count == 3)
        #expect(byPath[SearchFiles.text("bc-0")] == [7, 6, 5, 3])
        #expect(byPath[SearchFiles.text("bc-1")] == [2, 0])
        #expect(byPath[SearchFiles.text("kh-0")] == [4, 1])
    }

    @Test func oneDocumentsLineIsReplacedAndFound() throws {
        let file = ["bao-cao-4", "bao-cao-5", "bao-cao-6"].map { name in
            String(decoding: SearchFiles.textFile(name: name, text: Array("Văn bản \(name).".utf8)), as: UTF8.self)
        }.joined()
        let line = String(decoding: SearchFiles.textFile(name: "bao-cao-5", text: Array("Đã sửa.".utf8)), as: UTF8.self)
        let replaced = try #require(SearchFiles.replacingPassages(named: "bao-cao-5", in: file, with: line))
        #expect(replaced == file.replacingOccurrences(of: "Văn bản bao-cao-5.", with: "Đã sửa."))
        // a name that is the beginning of another's is not that one
        #expect(SearchFiles.replacingPassages(named: "bao-cao-", in: file, with: line) == nil)
        #expect(SearchFiles.replacingPassages(named: "bao-cao-7", in: file, with: line) == nil)
        // two lines of one name: the file is not what the build writes, and is not patched
        #expect(SearchFiles.replacingPassages(named: "bao-cao-5", in: replaced + line, with: line) == nil)
        let found = try #require(SearchFiles.passagesLine(named: "bao-cao-6", in: Data(file.utf8)))
        #expect(String(decoding: found, as: UTF8.self) == "CKSearch.text(\"bao-cao-6\",\"Văn bản bao-cao-6.\");\n")
        #expect(SearchFiles.passagesLine(named: "bao-cao-7", in: Data(file.utf8)) == nil)
    }
}
