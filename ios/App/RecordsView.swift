#if canImport(SwiftUI)
import Cradle
import Charts
import SwiftUI

/// Records: quick blood pressure, the kick counter, the contraction timer, recent readings.
struct RecordsView: View {
    let model: RecordsModel
    let s: ShellStrings
    @State private var systolic = ""
    @State private var diastolic = ""
    @State private var weight = ""
    @State private var glucose = ""
    @State private var glucoseContext = GlucoseContext.fasting
    @State private var minutes = "15"
    @State private var ml = "90"

    var body: some View {
        List {
            NavigationLink(s.prepareVisit, value: Route.clinic)
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            switch model.screen {
            case .loading: ProgressView(s.loading)
            case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
            case .ready(let screen): sections(screen)
            }
        }
        .task { model.start() }
    }

    private func baby(_ day: BabyToday) -> some View {
        Section(s.babyToday(day.baby)) {
            Text(s.babyCounts(day))
            HStack {
                TextField(s.minutes, text: $minutes).keyboardType(.numberPad)
                TextField(s.ml, text: $ml).keyboardType(.numberPad)
            }
            Button(s.breastLeft) { model.logBreast(baby: day.baby, side: .left, minutes: minutes) }
            Button(s.breastRight) { model.logBreast(baby: day.baby, side: .right, minutes: minutes) }
            ForEach([Milk.breast, .formula], id: \.self) { milk in
                Button(s.bottle(milk)) { model.logBottle(baby: day.baby, ml: ml, milk: milk) }
            }
            Button(s.slept) { model.logSleep(baby: day.baby, minutes: minutes) }
            Button(s.wet) { model.logDiaper(baby: day.baby, wet: true, dirty: false) }
            Button(s.dirty) { model.logDiaper(baby: day.baby, wet: false, dirty: true) }
        }
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
        ForEach(screen.babies, id: \.baby) { baby($0) }
        Section(s.weight) {
            TextField(s.kg, text: $weight).keyboardType(.decimalPad)
            Button(s.save) { model.addWeight(weight, unit: .kg) }.frame(minHeight: 44)
            if screen.weight.contains(where: { $0.gaWeeks != nil }) {
                WeightChart(days: screen.weight, band: screen.weightBand, s: s)
            }
        }
        Section(s.glucose) {
            TextField(s.glucoseMmol, text: $glucose).keyboardType(.decimalPad)
            Picker(s.glucose, selection: $glucoseContext) {
                ForEach([GlucoseContext.fasting, .oneHour, .twoHours, .random], id: \.self) {
                    Text(s.glucoseContext($0)).tag($0)
                }
            }
            Button(s.save) { model.addGlucose(glucose, unit: .mmolPerL, context: glucoseContext) }.frame(minHeight: 44)
        }
        if screen.stage == .pregnant { pregnancy(screen) }
    }

    @ViewBuilder
    private func pregnancy(_ screen: RecordsScreen) -> some View {
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
/// Her weight by week of pregnancy over the recommended band (Swift Charts).
private struct WeightChart: View {
    let days: [WeightDay]
    let band: WeightBandView?
    let s: ShellStrings

    var body: some View {
        VStack(alignment: .leading) {
            Text(s.weightChartTitle).font(.headline)
            Chart {
                ForEach(band?.points ?? [], id: \.week) { p in
                    AreaMark(x: .value(s.week, Double(p.week)), yStart: .value(s.kg, p.lowKg), yEnd: .value(s.kg, p.highKg))
                        .foregroundStyle(Color.accentColor.opacity(0.2))
                }
                ForEach(days.filter { $0.gaWeeks != nil }, id: \.day) { d in
                    LineMark(x: .value(s.week, d.gaWeeks ?? 0), y: .value(s.kg, d.kg))
                    PointMark(x: .value(s.week, d.gaWeeks ?? 0), y: .value(s.kg, d.kg))
                }
            }
            .frame(height: 180)
            if let band { Text(s.bandSource(band.source)).font(.footnote) }
        }
    }
}
#endif
