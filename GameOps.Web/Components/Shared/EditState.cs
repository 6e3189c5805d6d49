using System.Text.Json;
using GameOps.Data.Json;
using GameOps.Web.Resources;

namespace GameOps.Web.Components.Shared;

/// <summary>The row being edited, its field errors, the JSON text of its JSON fields and what it looked like when loaded.</summary>
public sealed class EditState(ResourceDescription resource, object entity, bool isNew)
{
    public ResourceDescription Resource { get; } = resource;
    public object Entity { get; private set; } = entity;
    public bool IsNew { get; private set; } = isNew;
    public object? OriginalToken { get; private set; } = resource.ConcurrencyToken is { } t ? resource.Field(t).GetValue(entity) : null;
    public Dictionary<string, string> Errors { get; } = [];
    public Dictionary<string, string> JsonText { get; } = [];
    string snapshot = Snapshot(resource, entity);

    public event Action? Changed;

    public bool IsDirty => JsonText.Count > 0 && Errors.Count > 0 || Snapshot(Resource, Entity) != snapshot;

    public object? Get(ResourceField field) => field.GetValue(Entity);

    public void Set(ResourceField field, object? value)
    {
        field.SetValue(Entity, value);
        if (ResourceValidation.FieldIssue(field, value) is { } issue) Errors[field.Name] = issue;
        else Errors.Remove(field.Name);
        Changed?.Invoke();
    }

    public void SetError(string field, string? message)
    {
        if (message is null) Errors.Remove(field);
        else Errors[field] = message;
        Changed?.Invoke();
    }

    /// <summary>After a save or reload: this is the new clean state.</summary>
    public void Reset(object entity, bool isNew = false)
    {
        Entity = entity;
        IsNew = isNew;
        OriginalToken = Resource.ConcurrencyToken is { } t ? Resource.Field(t).GetValue(entity) : null;
        Errors.Clear();
        JsonText.Clear();
        snapshot = Snapshot(Resource, entity);
        Changed?.Invoke();
    }

    static string Snapshot(ResourceDescription resource, object entity) =>
        JsonSerializer.Serialize(resource.Fields.ToDictionary(f => f.Name, f => f.GetValue(entity)), GameJsonSerializer.Options);
}
