#if canImport(SwiftUI)
import SwiftUI

extension View {
    /// Scrolls the list to the row a link pointed at (a reminder's
    /// notification, an order's) once the list has loaded; later refreshes
    /// of the same list leave her scroll alone.
    func scrollsTo(_ focus: String?, once loaded: Bool, _ proxy: ScrollViewProxy) -> some View {
        task(id: [focus, loaded ? "loaded" : nil]) {
            guard let focus, loaded else { return }
            withAnimation { proxy.scrollTo(focus, anchor: .top) }
        }
    }

    /// The linked row: tinted, and "selected" for VoiceOver.
    func marked(_ on: Bool) -> some View {
        listRowBackground(on ? Color.accentColor.opacity(0.15) : nil)
            .accessibilityAddTraits(on ? AccessibilityTraits.isSelected : [])
    }
}
#endif
