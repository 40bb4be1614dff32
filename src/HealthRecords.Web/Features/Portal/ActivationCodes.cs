using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.Portal;

/// <summary>An activation code as shown once to the staff member who issued it.</summary>
public sealed record IssuedActivationCode(long RecordId, string Code, DateTime ExpiresAtUtc);

/// <summary>
/// One-time activation codes for the resident portal (003 三(二): identity verified before records are opened to residents).
/// Staff in scope issue a code; only its hash is stored; it expires after <see cref="Lifetime"/>, is used once,
/// and issuing a new one voids the old. Too many wrong tries void it too.
/// </summary>
public sealed class ActivationCodes(HealthRecordsDbContext db, Audit audit, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    public const int MaxFailedAttempts = 5;

    // No 0/O, 1/I/L: read aloud or copied from paper without confusion.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static readonly PasswordHasher<ActivationCode> Hasher = new();

    public async Task<CommandResult<IssuedActivationCode>> IssueAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<IssuedActivationCode>.Forbidden("您的角色不能发放激活码");
        }
        var record = await user.Apply(db.HealthRecords).Where(r => r.Id == recordId)
            .Select(r => new { r.Status, r.IdNumber }).FirstOrDefaultAsync(ct);
        if (record is null)
        {
            return CommandResult<IssuedActivationCode>.NotFound();
        }
        if (record.Status == RecordStatus.Merged)
        {
            return CommandResult<IssuedActivationCode>.Conflict("此档案已合并，请为保留的档案发放激活码");
        }
        if (string.IsNullOrEmpty(record.IdNumber))
        {
            return CommandResult<IssuedActivationCode>.Conflict("档案未登记证件号码，居民无法登录；请先补充证件号码");
        }
        var now = time.UtcNow();
        await foreach (var old in db.ActivationCodes.Where(c => c.HealthRecordId == recordId && c.UsedAtUtc == null && c.VoidedAtUtc == null).AsAsyncEnumerable().WithCancellation(ct))
        {
            old.VoidedAtUtc = now;
        }
        var code = RandomNumberGenerator.GetString(Alphabet, 8);
        var entity = new ActivationCode
        {
            HealthRecordId = recordId, CodeHash = "", IssuedAtUtc = now, ExpiresAtUtc = now + Lifetime, IssuedById = user.UserId,
        };
        entity.CodeHash = Hasher.HashPassword(entity, code);
        db.ActivationCodes.Add(entity);
        audit.Add(user, "activation-code-issue", recordId);
        await db.SaveChangesAsync(ct);
        return CommandResult<IssuedActivationCode>.Ok(new IssuedActivationCode(recordId, Format(code), entity.ExpiresAtUtc));
    }

    /// <summary>
    /// Checks a typed code against the record's one live code. A wrong code counts against it; the caller saves.
    /// Returns the live code when it matches, else null.
    /// </summary>
    internal async Task<ActivationCode?> MatchAsync(long recordId, string typed, CancellationToken ct)
    {
        var now = time.UtcNow();
        var live = await db.ActivationCodes
            .Where(c => c.HealthRecordId == recordId && c.UsedAtUtc == null && c.VoidedAtUtc == null && c.ExpiresAtUtc > now)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (live is null)
        {
            return NoMatch();
        }
        if (Hasher.VerifyHashedPassword(live, live.CodeHash, Normalize(typed)) == PasswordVerificationResult.Failed)
        {
            live.FailedAttempts++;
            if (live.FailedAttempts >= MaxFailedAttempts)
            {
                live.VoidedAtUtc = now;
            }
            return null;
        }
        return live;
    }

    /// <summary>
    /// Spends the time of one hash check and matches nothing, so an unknown ID number or a record without a live
    /// code answers as slowly as a wrong code (the answer must not tell whether the ID number has a record).
    /// </summary>
    internal static ActivationCode? NoMatch()
    {
        Hasher.VerifyHashedPassword(DummyCode, DummyHash, "X");
        return null;
    }

    private static readonly ActivationCode DummyCode = new() { CodeHash = "", IssuedById = "" };
    private static readonly string DummyHash = Hasher.HashPassword(DummyCode, "DUMMYCODE");

    /// <summary>"abcd-efgh " → "ABCDEFGH": spaces and dashes are how the code is printed, not part of it.</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string Format(string code) => $"{code[..4]}-{code[4..]}";
}
