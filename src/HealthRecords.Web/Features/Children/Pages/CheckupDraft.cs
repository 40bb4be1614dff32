using HealthRecords.Domain.Children;
using HealthRecords.Domain.Examinations;
using I = HealthRecords.Domain.Children.CheckupItem;

namespace HealthRecords.Web.Features.Children.Pages;

/// <summary>
/// The check-up page's typing: every row of the three forms in one place, so the age can change while typing; the
/// form sent is built by <see cref="ToForm"/> with only the rows that exist at the chosen age (the forms' "———",
/// <see cref="CheckupItems.Exists"/>), so a hidden row is never sent.
/// </summary>
public sealed class CheckupDraft
{
    public CheckupAge Age { get; set; } = CheckupAge.OneMonth;
    public DateOnly VisitDate { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? HeightCm { get; set; }
    public MeasurementPosition? Position { get; set; }
    public GrowthRating? WeightRating { get; set; }
    public GrowthRating? HeightRating { get; set; }
    public string? OverrideReason { get; set; }
    public Finding<ExamFinding> HeartLungs { get; set; } = new();
    public Finding<ExamFinding> Abdomen { get; set; } = new();
    public decimal? Haemoglobin { get; set; }
    public string? Other { get; set; }
    public ReferralAdvice? ReferralAdvice { get; set; }
    public string? ReferralReason { get; set; }
    public string? ReferralTo { get; set; }
    public IReadOnlyList<InfantGuidance> InfantGuidance { get; set; } = [];
    public IReadOnlyList<ChildGuidance> ChildGuidance { get; set; } = [];
    public string? GuidanceOther { get; set; }
    public DateOnly? NextVisitDate { get; set; }
    public string? Doctor { get; set; }

    public decimal? HeadCircumferenceCm { get; set; }
    public Finding<ComplexionEarly> ComplexionEarly { get; set; } = new();
    public Finding<Complexion> Complexion { get; set; } = new();
    public Finding<ExamFinding> Skin { get; set; } = new();
    public Fontanelle? FontanelleState { get; set; }
    public decimal? FontanelleLength { get; set; }
    public decimal? FontanelleWidth { get; set; }
    public NeckMass? NeckMass { get; set; }
    public Finding<ExamFinding> Eyes { get; set; } = new();
    public Finding<ExamFinding> Ears { get; set; } = new();
    public HearingScreen? Hearing { get; set; }
    public Finding<ExamFinding> Mouth { get; set; } = new();
    public decimal? TeethErupted { get; set; }
    public decimal? Caries { get; set; }
    public decimal? Teeth { get; set; }
    public Finding<UmbilicusNewborn> UmbilicusNewborn { get; set; } = new();
    public Finding<ExamFinding> Umbilicus { get; set; } = new();
    public Finding<ExamFinding> Limbs { get; set; } = new();
    public Finding<ExamFinding> Gait { get; set; } = new();
    public IReadOnlyList<RicketsSymptom> RicketsSymptoms { get; set; } = [];
    public IReadOnlyList<RicketsSignEarly> RicketsSignsEarly { get; set; } = [];
    public IReadOnlyList<RicketsSignInfant> RicketsSignsInfant { get; set; } = [];
    public IReadOnlyList<RicketsSignToddler> RicketsSignsToddler { get; set; } = [];
    public Finding<ExamFinding> AnusGenitalia { get; set; } = new();
    public decimal? OutdoorHoursPerDay { get; set; }
    public string? VitaminDName { get; set; }
    public decimal? VitaminDIu { get; set; }
    public DevelopmentAssessment? Development { get; set; }
    public Finding<IllnessSinceLastVisit> Illness { get; set; } = new();
    public IReadOnlyList<PhysicalDevelopment> PhysicalDevelopment { get; set; } = [];
    public VisionChart? VisionChart { get; set; }
    public decimal? VisionLeft { get; set; }
    public decimal? VisionRight { get; set; }
    public string? PhysicalOther { get; set; }
    public IReadOnlyList<PreschoolIllness> Illnesses { get; set; } = [];
    public Dictionary<PreschoolIllness, decimal?> IllnessTimes { get; } = [];
    public string? IllnessOther { get; set; }

    /// <summary>The form of the chosen age with only its rows.</summary>
    public ChildCheckup ToForm()
    {
        bool S(I item) => CheckupItems.Exists(item, Age);
        var fontanelle = S(I.Fontanelle) ? new FontanelleFinding(FontanelleState, FontanelleLength, FontanelleWidth) : new();
        var vitaminD = S(I.VitaminD) ? new VitaminD(Blank(VitaminDName), Int(VitaminDIu)) : new();
        ChildCheckup form = CheckupItems.FormFor(Age) switch
        {
            CheckupForm.UnderOne => new InfantCheckup
            {
                HeadCircumferenceCm = S(I.HeadCircumference) ? HeadCircumferenceCm : null,
                ComplexionEarly = S(I.ComplexionEarly) ? ComplexionEarly : new(),
                Complexion = S(I.Complexion) ? Complexion : new(),
                Skin = S(I.Skin) ? Skin : new(),
                Fontanelle = fontanelle,
                NeckMass = S(I.NeckMass) ? NeckMass : null,
                Eyes = S(I.Eyes) ? Eyes : new(),
                Ears = S(I.Ears) ? Ears : new(),
                Hearing = S(I.Hearing) ? Hearing : null,
                Mouth = S(I.Mouth) ? Mouth : new(),
                TeethErupted = S(I.TeethErupted) ? Int(TeethErupted) : null,
                UmbilicusNewborn = S(I.UmbilicusNewborn) ? UmbilicusNewborn : new(),
                Umbilicus = S(I.Umbilicus) ? Umbilicus : new(),
                Limbs = S(I.Limbs) ? Limbs : new(),
                RicketsSymptoms = S(I.RicketsSymptoms) ? RicketsSymptoms : [],
                RicketsSignsEarly = S(I.RicketsSignsEarly) ? RicketsSignsEarly : [],
                RicketsSigns = S(I.RicketsSignsInfant) ? RicketsSignsInfant : [],
                AnusGenitalia = S(I.AnusGenitalia) ? AnusGenitalia : new(),
                OutdoorHoursPerDay = S(I.OutdoorActivity) ? OutdoorHoursPerDay : null,
                VitaminD = vitaminD,
                Development = S(I.Development) ? Development : null,
                Illness = S(I.Illness) ? Illness : new(),
            },
            CheckupForm.OneToTwo => new ToddlerCheckup
            {
                Complexion = S(I.Complexion) ? Complexion : new(),
                Skin = S(I.Skin) ? Skin : new(),
                Fontanelle = fontanelle,
                Eyes = S(I.Eyes) ? Eyes : new(),
                Ears = S(I.Ears) ? Ears : new(),
                Hearing = S(I.Hearing) ? Hearing : null,
                TeethErupted = S(I.TeethErupted) ? Int(TeethErupted) : null,
                Caries = S(I.Caries) ? Int(Caries) : null,
                Limbs = S(I.Limbs) ? Limbs : new(),
                Gait = S(I.Gait) ? Gait : new(),
                RicketsSigns = S(I.RicketsSignsToddler) ? RicketsSignsToddler : [],
                OutdoorHoursPerDay = S(I.OutdoorActivity) ? OutdoorHoursPerDay : null,
                VitaminD = vitaminD,
                Development = S(I.Development) ? Development : null,
                Illness = S(I.Illness) ? Illness : new(),
            },
            _ => new PreschoolCheckup
            {
                PhysicalDevelopment = S(I.PhysicalDevelopment) ? PhysicalDevelopment : [],
                Vision = S(I.Vision) ? new Vision(VisionChart, VisionLeft, VisionRight) : new(),
                Hearing = S(I.Hearing) ? Hearing : null,
                Teeth = S(I.Teeth) ? Int(Teeth) : null,
                Caries = S(I.Caries) ? Int(Caries) : null,
                PhysicalOther = S(I.PhysicalOther) ? Blank(PhysicalOther) : null,
                Illnesses = S(I.PreschoolIllness)
                    ? Illnesses.Select(i => new IllnessCount(i, i == PreschoolIllness.None ? null : Int(IllnessTimes.GetValueOrDefault(i)),
                        i == PreschoolIllness.Other ? Blank(IllnessOther) : null)).ToArray()
                    : [],
            },
        };
        return form with
        {
            Age = Age,
            VisitDate = VisitDate,
            WeightKg = WeightKg,
            HeightCm = HeightCm,
            Position = Position,
            WeightRating = WeightRating,
            HeightRating = HeightRating,
            OverrideReason = Blank(OverrideReason),
            HeartLungs = S(I.HeartLungs) ? HeartLungs : new(),
            Abdomen = S(I.Abdomen) ? Abdomen : new(),
            HaemoglobinGPerL = S(I.Haemoglobin) ? Int(Haemoglobin) : null,
            Other = S(I.Other) ? Blank(Other) : null,
            Referral = new CheckupReferral(ReferralAdvice, Blank(ReferralReason), Blank(ReferralTo)),
            InfantGuidance = S(I.InfantGuidance) ? InfantGuidance : [],
            ChildGuidance = S(I.ChildGuidance) ? ChildGuidance : [],
            GuidanceOther = Blank(GuidanceOther),
            NextVisitDate = NextVisitDate,
            Doctor = Blank(Doctor),
        };
    }

    /// <summary>A stored form as typing.</summary>
    public static CheckupDraft From(ChildCheckup f)
    {
        var d = new CheckupDraft
        {
            Age = f.Age, VisitDate = f.VisitDate, WeightKg = f.WeightKg, HeightCm = f.HeightCm, Position = f.Position,
            WeightRating = f.WeightRating, HeightRating = f.HeightRating, OverrideReason = f.OverrideReason,
            HeartLungs = f.HeartLungs, Abdomen = f.Abdomen, Haemoglobin = f.HaemoglobinGPerL, Other = f.Other,
            ReferralAdvice = f.Referral.Advice, ReferralReason = f.Referral.Reason, ReferralTo = f.Referral.InstitutionAndDepartment,
            InfantGuidance = f.InfantGuidance, ChildGuidance = f.ChildGuidance, GuidanceOther = f.GuidanceOther,
            NextVisitDate = f.NextVisitDate, Doctor = f.Doctor,
        };
        switch (f)
        {
            case InfantCheckup i:
                (d.HeadCircumferenceCm, d.ComplexionEarly, d.Complexion, d.Skin) = (i.HeadCircumferenceCm, i.ComplexionEarly, i.Complexion, i.Skin);
                (d.FontanelleState, d.FontanelleLength, d.FontanelleWidth, d.NeckMass) = (i.Fontanelle.State, i.Fontanelle.LengthCm, i.Fontanelle.WidthCm, i.NeckMass);
                (d.Eyes, d.Ears, d.Hearing, d.Mouth, d.TeethErupted) = (i.Eyes, i.Ears, i.Hearing, i.Mouth, i.TeethErupted);
                (d.UmbilicusNewborn, d.Umbilicus, d.Limbs, d.RicketsSymptoms) = (i.UmbilicusNewborn, i.Umbilicus, i.Limbs, i.RicketsSymptoms);
                (d.RicketsSignsEarly, d.RicketsSignsInfant, d.AnusGenitalia, d.OutdoorHoursPerDay) = (i.RicketsSignsEarly, i.RicketsSigns, i.AnusGenitalia, i.OutdoorHoursPerDay);
                (d.VitaminDName, d.VitaminDIu, d.Development, d.Illness) = (i.VitaminD.Name, i.VitaminD.IuPerDay, i.Development, i.Illness);
                break;
            case ToddlerCheckup t:
                (d.Complexion, d.Skin, d.FontanelleState, d.FontanelleLength, d.FontanelleWidth) = (t.Complexion, t.Skin, t.Fontanelle.State, t.Fontanelle.LengthCm, t.Fontanelle.WidthCm);
                (d.Eyes, d.Ears, d.Hearing, d.TeethErupted, d.Caries) = (t.Eyes, t.Ears, t.Hearing, t.TeethErupted, t.Caries);
                (d.Limbs, d.Gait, d.RicketsSignsToddler, d.OutdoorHoursPerDay) = (t.Limbs, t.Gait, t.RicketsSigns, t.OutdoorHoursPerDay);
                (d.VitaminDName, d.VitaminDIu, d.Development, d.Illness) = (t.VitaminD.Name, t.VitaminD.IuPerDay, t.Development, t.Illness);
                break;
            case PreschoolCheckup p:
                (d.PhysicalDevelopment, d.VisionChart, d.VisionLeft, d.VisionRight) = (p.PhysicalDevelopment, p.Vision.Chart, p.Vision.Left, p.Vision.Right);
                (d.Hearing, d.Teeth, d.Caries, d.PhysicalOther) = (p.Hearing, p.Teeth, p.Caries, p.PhysicalOther);
                d.Illnesses = p.Illnesses.Select(x => x.Illness).ToArray();
                foreach (var x in p.Illnesses)
                {
                    d.IllnessTimes[x.Illness] = x.Times;
                }
                d.IllnessOther = p.Illnesses.FirstOrDefault(x => x.Illness == PreschoolIllness.Other)?.Detail;
                break;
        }
        return d;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static int? Int(decimal? d) => d is decimal v ? (int)Math.Round(v) : null;
}
