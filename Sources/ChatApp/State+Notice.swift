extension State {
    /// Raises a notice on the page shown.
    mutating func say(_ text: String, isError: Bool = false) {
        noticeSerial += 1
        notice = Notice(text: text, page: page, isError: isError, serial: noticeSerial)
    }

    /// The notice the page shown displays, if any.
    public var visibleNotice: Notice? {
        notice?.page == page ? notice : nil
    }

    /// The scope of the `Keymap` the next key goes to (after the global bindings).
    public var keyScope: KeyScope {
        if retrain.prompt != nil { return .retrainPrompt }
        if picker != nil { return .picker }
        switch page {
        case .chat: if case .transcript = focus { return .transcript } else { return .chat }
        case .review: return .review
        case .templates: return templates.editor != nil ? .templateEditor : .templates
        case .monitor: return .monitor
        case .conversations: return .conversations
        case .models: return .models
        case .help: return .help
        }
    }

    /// The rows between the tab bar and the status line, less the notice's own row (and a demo's banner).
    var body: Rect {
        DemoBanner.layout(demo, in: .body(width: width, height: height, notice: visibleNotice != nil)).page
    }
}
