import Foundation
import Observation

/// The clinic visit: the core's summary (HTML, built offline) for the platform
/// to print or save as PDF, the sections she chooses to share, whether her
/// name is on it, and her questions. The FHIR export is built on request and
/// handed to the platform's file exporter; nothing leaves unless she saves it.
@MainActor
@Observable
public final class ClinicModel {
    public private(set) var screen: Loadable<ClinicVisitScreen> = .loading
    /// Off until she asks: the least personal information by default.
    public private(set) var includeName = false
    /// Her age for page 1, typed for this summary and never stored.
    public private(set) var ageYears: UInt32?
    /// `YYYY-MM-DD`, or nil for everything.
    public private(set) var from: String?
    /// Codes she chose; empty for the core's default set.
    public private(set) var sections: [String] = []
    public private(set) var problem: Problem?
    /// A FHIR bundle waiting for the file exporter.
    public private(set) var fhir: String?
    @ObservationIgnored private let core: CradleCore
    @ObservationIgnored private let watch: Watch

    public init(core: CradleCore) {
        self.core = core
        watch = Watch(core: core)
    }

    public func start() {
        watch.start { [weak self] in self?.refresh() }
    }

    public func stop() async {
        await watch.stop()
    }

    public func refresh() {
        screen = .attempt { try core.records().clinicVisit(options: options(includeName, from, sections, ageYears)) }
    }

    /// Ticks or unticks one section. The last ticked one stays: an empty
    /// choice would mean the core's default set, not "nothing".
    public func toggle(_ code: String) {
        guard let shown = screen.value?.sections else { return }
        let chosen = shown.filter { $0.code == code ? !$0.included : $0.included }.map(\.code)
        guard !chosen.isEmpty else { return }
        choose(includeName, from, chosen, ageYears)
    }

    public func setIncludeName(_ include: Bool) { choose(include, from, sections, ageYears) }

    /// An age the core refuses (12 to 60) is shown as a problem; the summary stays.
    public func setAge(_ years: UInt32?) { choose(includeName, from, sections, years) }

    /// A day in the future is refused by the core; the summary stays as it was.
    public func setFrom(_ day: String?) { choose(includeName, day, sections, ageYears) }

    public func addQuestion(_ text: String) { act { _ = try core.records().addEntry(entry: .question(text: text), at: nil) } }

    public func deleteQuestion(_ id: Int64) { act { try core.records().deleteEntry(id: id) } }

    /// Builds the FHIR bundle of the same choices for the file exporter.
    public func exportFhir() {
        do {
            fhir = try core.records().clinicExport(format: "fhir", options: options(includeName, from, sections, ageYears))
            problem = nil
        } catch {
            problem = Problem(error)
        }
    }

    /// The exporter has taken the bundle.
    public func fhirSaved() { fhir = nil }

    /// Applies a choice only if the core accepts it; a refusal keeps the last summary.
    private func choose(_ include: Bool, _ day: String?, _ chosen: [String], _ age: UInt32?) {
        do {
            screen = .ready(try core.records().clinicVisit(options: options(include, day, chosen, age)))
            (includeName, from, sections, ageYears, problem) = (include, day, chosen, age, nil)
        } catch {
            problem = Problem(error)
        }
    }

    private func act(_ call: () throws -> Void) {
        do {
            try call()
            problem = nil
        } catch {
            problem = Problem(error)
        }
        refresh()
    }

    private func options(_ include: Bool, _ day: String?, _ chosen: [String], _ age: UInt32?) -> ClinicExportOptions {
        ClinicExportOptions(from: day, includeName: include, sections: chosen, ageYears: age)
    }
}
