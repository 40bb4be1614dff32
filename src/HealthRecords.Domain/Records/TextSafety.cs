namespace HealthRecords.Domain.Records;

/// <summary>
/// What text the system accepts (issue #14 item 7). No text anywhere may hold control characters (C0 other than tab,
/// line feed and carriage return, DEL, C1): they are never typed, PostgreSQL refuses NUL in text, and they garble
/// printouts. Names and codes also refuse invisible format characters (Unicode category Cf: bidi embeddings, overrides,
/// isolates and marks, zero-width spaces and joiners, the BOM), with which a name can be made to look like another;
/// other free text keeps them and is shown isolated (app.css), so it cannot reorder what is around it.
/// </summary>
public static class TextSafety
{
    public const string ControlMessage = "不能包含控制字符";
    public const string InvisibleMessage = "不能包含不可见字符或改变文字方向的字符";

    public static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }
        return false;
    }

    public static bool HasInvisible(string text)
    {
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The message for a name or code that holds what it may not, else null.</summary>
    public static string? NameError(string? text) =>
        text is null ? null
        : HasControl(text) ? ControlMessage
        : HasInvisible(text) ? InvisibleMessage
        : null;

    /// <summary>The message for free text that holds what it may not, else null.</summary>
    public static string? FreeTextError(string? text) =>
        text is not null && HasControl(text) ? ControlMessage : null;
}
