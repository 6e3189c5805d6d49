namespace GameOps.Web.Security;

/// <summary>
/// Text typed by staff or taken from players may hold what no database column can store: unpaired UTF-16 surrogates
/// (invalid Unicode) and NUL characters, which PostgreSQL's text type refuses outright. Saves are refused with a
/// message (<see cref="IsStorable"/>); searches are cleaned instead, so that a pasted oddity finds nothing rather than failing.
/// </summary>
public static class UntrustedText
{
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    /// <summary>The text with NUL removed and every unpaired surrogate replaced by U+FFFD.</summary>
    public static string ForQuery(string text)
    {
        if (IsStorable(text)) return text;
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { result.Append(c).Append(text[++i]); continue; }
            result.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return result.ToString();
    }
}
