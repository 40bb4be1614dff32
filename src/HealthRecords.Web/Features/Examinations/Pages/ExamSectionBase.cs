using HealthRecords.Domain.Examinations;
using HealthRecords.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace HealthRecords.Web.Features.Examinations.Pages;

/// <summary>
/// Base of the examination form's sections: each receives the whole form and hands back a changed copy, with the
/// resident's context, the * item rules and the field errors of the last save.
/// </summary>
public abstract class ExamSectionBase : ComponentBase
{
    [Parameter, EditorRequired] public HealthExamination Value { get; set; } = new();
    [Parameter] public EventCallback<HealthExamination> ValueChanged { get; set; }
    [Parameter, EditorRequired] public ExaminationContext Context { get; set; } = default!;
    [Parameter, EditorRequired] public IReadOnlyList<StarItemRule> Rules { get; set; } = [];
    [Parameter, EditorRequired] public FieldErrorMap Errors { get; set; } = default!;

    /// <summary>The form; setting it hands the new form to the page.</summary>
    protected HealthExamination Form
    {
        get => Value;
        set
        {
            Value = value;
            _ = ValueChanged.InvokeAsync(value);
        }
    }

    protected GeneralCondition Gen => Form.General;
    protected Lifestyle Life => Form.Lifestyle;
    protected OrganFunction Org => Form.Organs;
    protected PhysicalExam Phys => Form.Physical;
    protected AuxiliaryTests Aux => Form.Auxiliary;
    protected HealthProblems Prob => Form.Problems;

    protected void G(Func<GeneralCondition, GeneralCondition> change) => Form = Form with { General = change(Form.General) };
    protected void Ls(Func<Lifestyle, Lifestyle> change) => Form = Form with { Lifestyle = change(Form.Lifestyle) };
    protected void Os(Func<OrganFunction, OrganFunction> change) => Form = Form with { Organs = change(Form.Organs) };
    protected void Ps(Func<PhysicalExam, PhysicalExam> change) => Form = Form with { Physical = change(Form.Physical) };
    protected void Gyn(Func<Gynaecology, Gynaecology> change) => Ps(x => x with { Gynaecology = change(x.Gynaecology) });
    protected void As(Func<AuxiliaryTests, AuxiliaryTests> change) => Form = Form with { Auxiliary = change(Form.Auxiliary) };
    protected void Hs(Func<HealthProblems, HealthProblems> change) => Form = Form with { Problems = change(Form.Problems) };

    /// <summary>A * item's label: "*" when optional, "*（必查）" when this resident's services require it.</summary>
    protected string L(string label, StarItem item) => Required(item) ? $"{label}*（必查）" : $"{label}*";

    protected bool Required(StarItem item) => Rules.Any(r => r.Item == item && r.Requirement == ItemRequirement.Required);

    protected static int? I(decimal? v) => v is decimal d ? (int)d : null;

    protected static Finding<T> N<T>(Finding<T> f, T normal) where T : struct, Enum => f.Code is null ? new Finding<T>(normal) : f;
}
