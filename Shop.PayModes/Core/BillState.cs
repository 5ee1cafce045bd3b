using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.PayModes.Core;

/// <summary>The bill lifecycle of the original shop (docs/lifecycle.md); admins know these names.
/// In JSON a state is always its upper-case name (<see cref="BillStates.ToWire"/>), never its number.</summary>
[JsonConverter(typeof(BillStateJsonConverter))]
public enum BillState
{
    Working,
    Placed,
    Pending,
    PreProd,
    SoldOut,
    Partial,
    Complete,
    Payback,
    Failed,
    Refused,
    Cancelled,
}

public static class BillStates
{
    /// <summary>The upper-case name used in JSON, the database and the trace (<c>SOLDOUT</c>).</summary>
    public static string ToWire(this BillState state) => state.ToString().ToUpperInvariant();

    public static bool TryParse(string? wire, out BillState state) =>
        Enum.TryParse(wire, ignoreCase: true, out state) && Enum.IsDefined(state);

    public static BillState Parse(string wire) =>
        TryParse(wire, out var state) ? state : throw new FormatException($"Unknown bill state '{wire}'.");

    /// <summary>Money has been received (the bill may still await delivery).</summary>
    public static bool IsPaid(this BillState state) => state is BillState.SoldOut or BillState.Complete;

    /// <summary>The payment did not go through: the buyer may retry with the same cart.</summary>
    public static bool IsUnsuccessful(this BillState state) =>
        state is BillState.Failed or BillState.Refused or BillState.Cancelled;
}

/// <summary>Writes a <see cref="BillState"/> as its wire name and reads one back (any case); a number or an unknown name is refused.</summary>
public sealed class BillStateJsonConverter : JsonConverter<BillState>
{
    public override BillState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && BillStates.TryParse(reader.GetString(), out var state)
            ? state
            : throw new JsonException("A bill state is one of its upper-case names, e.g. \"SOLDOUT\".");

    public override void Write(Utf8JsonWriter writer, BillState value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());
}
