import Assistant

extension State {
    /// Keys on the Templates screen: the editor's while a variant is written, else the lists'.
    mutating func templatesKey(_ key: Key) -> [Effect] {
        if templates.editor != nil { return templateEditorKey(key) }
        return Keymap.command(for: key, in: .templates).map { templatesCommand($0) } ?? []
    }

    /// A command on the Templates lists: arrows move, `a` adds, `e`/Enter edits, `d` twice deletes.
    private mutating func templatesCommand(_ command: Command) -> [Effect] {
        let confirming = templates.confirmingDelete
        templates.confirmingDelete = false
        let variants = templates.intent?.variants ?? []
        switch command {
        case .back:
            if templates.inVariants { templates.inVariants = false } else { return open(.chat) }
        case .moveUp:
            if templates.inVariants {
                templates.selectedVariant = max(0, templates.selectedVariant - 1)
            } else {
                templates.selectedIntent = max(0, templates.selectedIntent - 1)
                templates.selectedVariant = 0
            }
        case .moveDown:
            if templates.inVariants {
                templates.selectedVariant = min(max(0, variants.count - 1), templates.selectedVariant + 1)
            } else {
                templates.selectedIntent = min(max(0, templates.items.count - 1), templates.selectedIntent + 1)
                templates.selectedVariant = 0
            }
        case .enter:
            templates.inVariants = templates.intent != nil
        case .confirm where !templates.inVariants:
            templates.inVariants = templates.intent != nil
        case .leave:
            templates.inVariants = false
        case .add:
            guard templates.intent != nil else { return [] }
            templates.inVariants = true
            templates.editing = nil
            templates.editor = LineEditor()
        case .confirm, .editVariant:
            guard variants.indices.contains(templates.selectedVariant) else { return [] }
            templates.inVariants = true
            templates.editing = variants[templates.selectedVariant].id
            templates.editor = LineEditor(variants[templates.selectedVariant].text)
        case .delete:
            guard templates.inVariants, let intent = templates.intent,
                variants.indices.contains(templates.selectedVariant)
            else { return [] }
            guard confirming else {
                templates.confirmingDelete = true
                say("press d again to delete this variant")
                return []
            }
            return [.deleteTemplate(intent: intent.intent, variant: variants[templates.selectedVariant].id)]
        case .reload:
            return [.loadTemplates]
        default:
            break
        }
        return []
    }

    /// Keys while a variant is being written: Enter saves, Esc cancels.
    private mutating func templateEditorKey(_ key: Key) -> [Effect] {
        guard var editor = templates.editor, let intent = templates.intent else { return [] }
        switch Keymap.command(for: key, in: .templateEditor) {
        case .back:
            templates.editor = nil
            return []
        case .confirm:
            // The editor stays open until the save succeeds (`.templatesLoaded`): a refused
            // text stays to be corrected, with the error as a notice.
            let text = editor.text.trimmingSpaces
            guard !text.isEmpty else {
                templates.editor = nil
                return []
            }
            return [.saveTemplate(intent: intent.intent, variant: templates.editing, text: text)]
        default:
            _ = editor.handle(key)
            templates.editor = editor
            return []
        }
    }
}
