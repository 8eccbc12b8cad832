import CongkhaiDomain
import Foundation

/// `luu-tru/`: the snapshots of the site that exist (from `_luu-tru.yml` in the content folder,
/// kept by `congkhai archive`), with date, scope, sizes, the manifest's digest and download links,
/// so that citizens and auditors can compare a copy they hold with what the department published.
///
struct ArchivesPage {
    let frame: PageFrame
    let registry: ArchiveRegistry?
    let diagnostics: [Diagnostic]

    static let folder = Routes.archives
    static let template = "archives"
    /// Where a department publishes the key its snapshots are signed with.
    static let publicKeyPath = Routes.archivePublicKey
    /// The key is linked only when the site serves it (from the content's static/ folder).
    var hasPublicKey = false

    init(frame: PageFrame, content: URL) {
        self.frame = frame
        let url = content.appendingPathComponent(ArchiveRegistry.fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            (registry, diagnostics) = (nil, [])
            return
        }
        guard let text = String(data: data, encoding: .utf8), let parsed = try? ArchiveRegistry.parse(text) else {
            (registry, diagnostics) = (nil, [Diagnostic(.warning, file: ArchiveRegistry.fileName, .archiveRegistryUnreadable)])
            return
        }
        (registry, diagnostics) = (parsed, [])
    }

    /// No page when the site has no snapshots yet, or when the theme has no archives template.
    func pages() -> [() -> RenderedPage] {
        guard let registry, !registry.snapshots.isEmpty, frame.theme.library.getTemplate(named: Self.template) != nil else { return [] }
        return [{ render(registry) }]
    }

    func render(_ registry: ArchiveRegistry) -> RenderedPage {
        let t = frame.theme
        let root = Routes.root(of: Self.folder)
        var context = frame.context(pagePath: Self.folder, title: t.string("archives"), breadcrumbs: [(t.string("archives"), nil)])
        context["heading"] = t.string("archives")
        context["count"] = registry.snapshots.count
        context["publicKeyHref"] = hasPublicKey ? root + Self.publicKeyPath : false
        context["snapshots"] = registry.snapshots.map { entry -> [String: Any] in
            var row: [String: Any] = [
                "date": entry.date, "sha256": entry.sha256, "file": entry.file,
                "size": Formatting.size(Int(clamping: entry.size)),
                "scope": entry.scope == "all" ? t.string("archive_scope_all") : t.string("archive_scope_year") + " " + entry.scope,
                "signed": entry.signed == true ? t.string("archive_signed_yes") : t.string("archive_signed_no"),
                "href": Self.safeHref(entry.downloadAddress(of: entry.file)) ?? false,
            ]
            if let wacz = entry.wacz {
                let href: Any = Self.safeHref(entry.downloadAddress(of: wacz)) ?? false
                row["wacz"] = ["file": wacz, "size": Formatting.size(Int(clamping: entry.waczSize ?? 0)), "href": href] as [String: Any]
            } else {
                row["wacz"] = false
            }
            return row
        }
        return RenderedPage(path: Routes.file(of: Self.folder), content: t.render(context, template: Self.template))
    }

    /// The registry is content: only web addresses and plain relative names become links.
    static func safeHref(_ address: String) -> String? {
        let lower = address.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return address }
        if address.contains(":") || address.hasPrefix("/") || address.hasPrefix("//") || address.contains("..") { return nil }
        return address
    }
}
