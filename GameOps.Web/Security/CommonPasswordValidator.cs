using System.Text;
using GameOps.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace GameOps.Web.Security;

/// <summary>
/// Refuses passwords that meet the character-class rules but are still guessed first: a well-known password dressed up
/// with capitals, digits, symbols or look-alike characters ("Password123!", "Adm1n2024!!"), passwords made of very few
/// distinct characters or a long run of one ("aaaaaaaaaaaaA1!").
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public const string CommonCode = "PasswordTooCommon";
    public const string RepetitiveCode = "PasswordTooRepetitive";

    /// <summary>Base words of the most common leaked passwords (after lower-casing and undoing look-alike characters).</summary>
    static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "password", "passw", "pass", "passwd", "passwort", "motdepasse", "contrasena", "senha", "parola", "haslo", "wachtwoord",
        "admin", "administrator", "root", "toor", "user", "guest", "login", "welcome", "welkom", "bienvenue", "hello", "hallo",
        "letmein", "changeme", "secret", "default", "master", "access", "system", "test", "tester", "testing", "demo", "temp",
        "qwerty", "qwertz", "azerty", "asdf", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "qazwsx", "qweasd", "qwertyuiop",
        "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghijkl", "iloveyou", "loveyou", "love", "lovely",
        "monkey", "dragon", "shadow", "sunshine", "princess", "football", "baseball", "soccer", "hockey", "basketball", "superman",
        "batman", "spiderman", "starwars", "pokemon", "minecraft", "freedom", "whatever", "trustno", "trustnoone", "michael",
        "jennifer", "jordan", "charlie", "daniel", "thomas", "george", "ashley", "jessica", "michelle", "nicole", "matthew",
        "andrew", "joshua", "hunter", "ranger", "buster", "tigger", "killer", "pepper", "ginger", "cookie", "cheese", "summer",
        "winter", "spring", "autumn", "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "monday", "friday", "computer", "internet", "samsung", "apple", "google", "microsoft", "mustang",
        "ferrari", "porsche", "harley", "chelsea", "arsenal", "liverpool", "barcelona", "madrid", "london", "paris", "berlin",
        "flower", "butterfly", "angel", "jesus", "blessed", "family", "forever", "friends", "snoopy", "garfield", "matrix",
        "gameops", "game", "gamer", "gaming", "player", "moderator", "designer", "liveops", "manager", "staff", "server",
        "company", "office", "business", "security", "passpass", "adminadmin", "qwerty123", "password1", "p4ssw0rd",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var errors = new List<IdentityError>();
        if (IsRepetitive(password))
            errors.Add(new IdentityError { Code = RepetitiveCode, Description = "This password repeats the same characters too much. Use a longer mix of different characters, or a passphrase of several words." });
        else if (IsCommon(password))
            errors.Add(new IdentityError { Code = CommonCode, Description = "This password is one of the most commonly used (with a few characters added), so it is guessed first. Choose something less predictable, such as a passphrase of several unrelated words." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>Fewer than 5 distinct characters, one short block repeated, a run of 4 identical ones, or one character making up more than a third.</summary>
    public static bool IsRepetitive(string password)
    {
        if (password.Distinct().Count() < 5) return true;
        // A short block said over and over ("abcabcabcabc1!", "xyxyxyxyxy99#"): the letters are one block of up to 4, repeated 3+ times.
        var letters = new string(password.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        for (var block = 1; block <= 4; block++)
            if (letters.Length >= 3 * block && Enumerable.Range(0, letters.Length).All(i => letters[i] == letters[i % block])) return true;
        var run = 1;
        for (var i = 1; i < password.Length; i++)
        {
            run = password[i] == password[i - 1] ? run + 1 : 1;
            if (run >= 4) return true;
        }
        return password.GroupBy(c => char.ToLowerInvariant(c)).Max(g => g.Count()) * 3 > password.Length && password.Length >= 9;
    }

    /// <summary>The password, stripped of digits and symbols around it and of look-alike substitutions, is a common word (or two).</summary>
    public static bool IsCommon(string password)
    {
        var core = Normalize(password);
        if (core.Length == 0) return true; // digits and symbols only, e.g. "1234567890!@#"
        if (CommonWords.Contains(core)) return true;
        // Two common words or one repeated ("adminadmin", "passwordqwerty"), or a keyboard/number run.
        for (var i = 3; i <= core.Length - 3; i++)
            if (CommonWords.Contains(core[..i]) && CommonWords.Contains(core[i..])) return true;
        return false;
    }

    static string Normalize(string password)
    {
        var lower = password.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
            builder.Append(c switch { '0' => 'o', '1' => 'i', '!' => 'i', '3' => 'e', '4' => 'a', '@' => 'a', '5' => 's', '$' => 's', '7' => 't', '8' => 'b', _ => c });
        var unleet = builder.ToString();
        // Digits and symbols padded around a word do not make it stronger: keep only the letters between the first and last
        // letter of the original (so "Password123!" → "password", "!!Admin2024" → "admin").
        int first = -1, last = -1;
        for (var i = 0; i < lower.Length; i++)
            if (char.IsLetter(lower[i])) { if (first < 0) first = i; last = i; }
        if (first < 0) return "";
        var middle = unleet[first..(last + 1)];
        if (CommonWords.Contains(middle)) return middle;
        // Also try with look-alikes undone on the padding (e.g. "P@ssw0rd" where '@' and '0' sit inside the word anyway).
        return new string(middle.Where(char.IsLetter).ToArray());
    }
}
