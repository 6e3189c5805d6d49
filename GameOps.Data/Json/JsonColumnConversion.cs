using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GameOps.Data.Json;

public static class GameJsonSerializer
{
    /// <summary>snake_case keys like the rest of the schema; tolerant when reading data written by the game servers.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) where T : new() =>
        string.IsNullOrWhiteSpace(json) ? new T() : JsonSerializer.Deserialize<T>(json, Options) ?? new T();
}

public sealed class JsonValueConverter<T>() : ValueConverter<T, string>(
    v => GameJsonSerializer.Serialize(v),
    s => DeserializeOrDefault(s)) where T : new()
{
    static T DeserializeOrDefault(string s) => GameJsonSerializer.Deserialize<T>(s);
}

/// <summary>Compares typed JSON values by their serialised form, so that edits inside a list are seen as changes.</summary>
public sealed class JsonValueComparer<T>() : ValueComparer<T>(
    (a, b) => GameJsonSerializer.Serialize(a) == GameJsonSerializer.Serialize(b),
    v => GameJsonSerializer.Serialize(v).GetHashCode(),
    v => GameJsonSerializer.Deserialize<T>(GameJsonSerializer.Serialize(v))) where T : new();
