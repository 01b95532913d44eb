#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// Records: quick blood pressure, the kick counter, the contraction timer, recent readings.
struct RecordsView: View {
    let model: RecordsModel
    let clinic: ClinicModel
    let s: ShellStrings
    @State private var systolic = ""
    @State private var diastolic = ""

    var body: some View {
        List {
            NavigationLink(s.prepareVisit) { ClinicView(model: clinic, s: s).navigationTitle(s.clinicVisit) }
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            switch model.screen {
            case .loading: ProgressView(s.loading)
            case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
            case .ready(let screen): sections(screen)
            }
        }
        .task { model.start() }
    }

    @ViewBuilder
    private func sections(_ screen: RecordsScreen) -> some View {
        if let flag = screen.flag {
            Text(flag.message).foregroundStyle(.red)
        }
        Section(s.bloodPressure) {
            TextField(s.systolic, text: $systolic).keyboardType(.numberPad)
            TextField(s.diastolic, text: $diastolic).keyboardType(.numberPad)
            Button(s.save) { model.addBloodPressure(systolic: systolic, diastolic: diastolic) }
                .frame(minHeight: 44)
        }
        Section(s.kickCounter) {
            if let kicks = screen.kicks {
                Text(s.kicks(kicks.count)).font(.title2)
                if kicks.belowTarget { Text(s.fewKicks).foregroundStyle(.red) }
            }
            if let kicks = screen.kicks, kicks.endedAtEpochMs == nil {
                // Big enough to hit one-handed without looking.
                Button { model.kick(.tap) } label: {
                    Text(s.kickTap).font(.title2).frame(maxWidth: .infinity, minHeight: 88)
                }
                .buttonStyle(.borderedProminent)
                Button(s.stop) { model.kick(.stop) }.frame(minHeight: 44)
            } else {
                Button(s.kickStart) { model.kick(.start) }.frame(minHeight: 44)
            }
        }
        Section(s.contractions) {
            Text(s.contractionsLastHour(screen.contractions.countLastHour))
            if screen.contractions.timeToCall { Text(s.timeToCall).foregroundStyle(.red) }
            let during = screen.contractions.currentStartedAtEpochMs != nil
            Button { model.contraction(starting: !during) } label: {
                Text(during ? s.contractionEnds : s.contractionStarts).font(.title2)
                    .frame(maxWidth: .infinity, minHeight: 88)
            }
            .buttonStyle(.borderedProminent)
        }
        Section(s.recent) {
            ForEach(screen.recent, id: \.id) { r in
                Text("\(r.takenAtLocal)  \(r.text)\(r.unusual ? " · \(s.unusual)" : "")")
            }
        }
    }
}
#endif
