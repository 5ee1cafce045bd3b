namespace Shop.PayModes.Ogone;

/// <summary>SHA-IN signs what the shop sends; SHA-OUT signs what Ogone sends back.</summary>
public enum OgoneDirection { In, Out }

/// <summary>The lab's direction words <c>in</c> and <c>out</c>.</summary>
public static class OgoneDirectionNames
{
    public static bool TryParse(string? text, out OgoneDirection direction)
    {
        direction = OgoneDirection.In;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "in": return true;
            case "out": direction = OgoneDirection.Out; return true;
            default: return false;
        }
    }
}
