using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>
/// Makes (建卡) and edits a child's 预防接种卡 through the kernel's write path: one card per child (a second is refused
/// with the form's own message), checked by Domain <see cref="VaccinationValidator.ValidateCard"/>; the child's sex and
/// birth date are the record's; 建卡人 defaults to the signed-in user.
/// </summary>
public sealed class SaveVaccinationCard(FormWriter writer)
{
    public async Task<CommandResult<CardSaved>> CreateAsync(DataScope user, long recordId, CardInput input, CancellationToken ct) =>
        input.Card is not { } card ? CommandResult<CardSaved>.Invalid("card", "请填写预防接种卡")
            : View(await writer.CreateAsync(user, recordId, Save(Signed(card, user), "vaccination-card-create"), ct));

    public async Task<CommandResult<CardSaved>> UpdateAsync(DataScope user, long id, CardInput input, CancellationToken ct) =>
        input.Card is not { } card ? CommandResult<CardSaved>.Invalid("card", "请填写预防接种卡")
            : View(await writer.UpdateAsync(user, id, input.Version, Save(Signed(card, user), "vaccination-card-update"), ct));

    private static FormSave<VaccinationCardForm, NoFacts> Save(VaccinationCard card, string action) => new()
    {
        Action = action,
        Facts = NoFacts.None,
        Check = (target, _, today) => FormWriter.Invalid<VaccinationCardForm>(FormWriter.Under("card",
            VaccinationValidator.ValidateCard(Own(card, target), today))),
        Apply = (row, target) => row.With(Own(card, target)),
        Detail = c => $"VaccinationCard {c.CardCreatedOn:yyyy-MM-dd}",
        Duplicate = _ => CommandResult<VaccinationCardForm>.Invalid("card", "该儿童已建立预防接种卡，请修改原卡"),
        Noun = "预防接种卡",
        RoleCannot = "建立预防接种卡",
    };

    /// <summary>建卡人: the signed-in user when left empty.</summary>
    private static VaccinationCard Signed(VaccinationCard card, DataScope user) =>
        string.IsNullOrWhiteSpace(card.CreatedBy) ? card with { CreatedBy = user.DisplayName } : card;

    private static VaccinationCard Own(VaccinationCard card, FormTarget<NoFacts> target) =>
        card with { Sex = target.Sex, BirthDate = target.BirthDate, Doses = [] };

    private static CommandResult<CardSaved> View(CommandResult<VaccinationCardForm> result) =>
        result.Succeeded ? CommandResult<CardSaved>.Ok(new CardSaved(result.Value!.Id, result.Value.HealthRecordId, result.Value.Card, result.Value.Version))
            : result.As<CardSaved>();
}
