#if canImport(SwiftUI)
import Cradle
import SwiftUI
#if canImport(UIKit)
import UIKit
import WebKit
#endif

/// The clinic visit: the core's summary as it will print, printed or saved
/// as PDF by iOS, the FHIR export, her questions and what to share.
struct ClinicView: View {
    let model: ClinicModel
    let s: ShellStrings
    @State private var question = ""
    @State private var since = Date()

    var body: some View {
        Form {
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            switch model.screen {
            case .loading: ProgressView(s.loading)
            case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
            case .ready(let visit): sections(visit)
            }
        }
        .jsonExporter(model.fhir, name: "cradle-clinic-visit.fhir.json", done: { model.fhirSaved() })
    }

    @ViewBuilder
    private func sections(_ visit: ClinicVisitScreen) -> some View {
        Section {
            HTMLPreview(html: visit.html).frame(height: 280)
            Button(s.printPdf) { printSummary(visit.html) }.frame(minHeight: 44)
            Button(s.saveFhir) { model.exportFhir() }.frame(minHeight: 44)
        }
        Section(s.questions) {
            if visit.questions.isEmpty { Text(s.noQuestions).font(.footnote) }
            ForEach(visit.questions, id: \.id) { item in
                if case .question(let text) = item.entry { Text(text) }
            }
            .onDelete { rows in rows.forEach { model.deleteQuestion(visit.questions[$0].id) } }
            TextField(s.askQuestion, text: $question)
                .onSubmit(add)
            Button(s.addQuestion, action: add).disabled(question.trimmingCharacters(in: .whitespaces).isEmpty)
        }
        Section(s.whatToShare) {
            Toggle(s.includeName, isOn: Binding(get: { model.includeName }, set: { model.setIncludeName($0) }))
            // The core judges the number once typed.
            TextField(s.herAge, value: Binding(get: { model.ageYears }, set: { model.setAge($0) }), format: IntegerFormatStyle<UInt32>())
                .keyboardType(.numberPad)
            Toggle(s.sinceWhen, isOn: Binding(
                get: { model.from != nil },
                set: { model.setFrom($0 ? since.pickedDay() : nil) }))
            if model.from != nil {
                DatePicker(s.sinceWhen, selection: $since, displayedComponents: .date)
                    .onChange(of: since) { _, day in model.setFrom(day.pickedDay()) }
            }
            ForEach(visit.sections, id: \.code) { section in
                Toggle(section.label, isOn: Binding(get: { section.included }, set: { _ in model.toggle(section.code) }))
            }
        }
    }

    private func add() {
        model.addQuestion(question)
        question = ""
    }

    /// iOS's print sheet, whose "Save to Files" option makes the PDF.
    private func printSummary(_ html: String) {
        #if canImport(UIKit)
        let printer = UIPrintInteractionController.shared
        let info = UIPrintInfo(dictionary: nil)
        info.jobName = s.clinicVisit
        info.outputType = .general
        printer.printInfo = info
        printer.printFormatter = UIMarkupTextPrintFormatter(markupText: html)
        printer.present(animated: true)
        #endif
    }
}

#if canImport(UIKit)
/// The summary as it will print; static HTML, JavaScript off.
private struct HTMLPreview: UIViewRepresentable {
    let html: String

    func makeUIView(context: Context) -> WKWebView {
        let config = WKWebViewConfiguration()
        config.defaultWebpagePreferences.allowsContentJavaScript = false
        return WKWebView(frame: .zero, configuration: config)
    }

    func updateUIView(_ view: WKWebView, context: Context) {
        view.loadHTMLString(html, baseURL: nil)
    }
}
#endif
#endif
