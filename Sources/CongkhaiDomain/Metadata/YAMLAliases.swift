import CYaml

/// Finds anchors and aliases in YAML before it is composed. Yams copies an
/// alias's node wherever it is used, so eight levels of aliases in a few
/// hundred bytes expand to billions of nodes (and hashing an alias used as a
/// key walks all of them). Front matter never needs them, so they are
/// refused. libyaml's event stream (the parser Yams itself runs on) sees them
/// in one linear pass without building any node.
enum YAMLAliases {
    /// The 0-based line, within `yaml`, of the first anchor or alias; nil when
    /// there is none or the YAML is malformed (composing reports that).
    static func firstAnchorOrAlias(in yaml: String) -> Int? {
        guard yaml.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var bytes = Array(yaml.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Int? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let line = Int(event.start_mark.line)
                let found: Bool
                switch event.type {
                case YAML_ALIAS_EVENT: found = true
                case YAML_SCALAR_EVENT: found = event.data.scalar.anchor != nil
                case YAML_SEQUENCE_START_EVENT: found = event.data.sequence_start.anchor != nil
                case YAML_MAPPING_START_EVENT: found = event.data.mapping_start.anchor != nil
                default: found = false
                }
                let end = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if found { return line }
                if end { return nil }
            }
            return nil
        }
    }
}
