namespace GameOps.Data.Entities;

/// <summary>Table <c>weather_data</c>.</summary>
public class WeatherData
{
    public Guid Id { get; set; }
    public string ZoneId { get; set; } = "";
    public WorldZone Zone { get; set; } = null!;
    public string WeatherType { get; set; } = "";
    public decimal Intensity { get; set; }
    public decimal Temperature { get; set; }
    public decimal? Humidity { get; set; }
    public decimal? WindSpeed { get; set; }
    public int? WindDirection { get; set; }
    [JsonColumn] public string? Effects { get; set; }
    public DateTime Timestamp { get; set; }
}
