using System.Text.RegularExpressions;

namespace GameOps.Web.Services.Moderation;

/// <summary>
/// Chat is stored as the player wrote it, so moderators judge the original. Staff without the moderation permission
/// read it with the slurs and insults the game's own filter hides from players starred out.
/// </summary>
public static partial class ChatMask
{
    [GeneratedRegex(@"\b(vermin|subhuman|trash|idiot|loser|clown|scum|screw|damn|hell|crap|bastard|worthless|animals?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Offensive();

    public static string Mask(string text) => Offensive().Replace(text, m => new string('*', m.Length));
}
