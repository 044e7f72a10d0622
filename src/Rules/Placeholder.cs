namespace Procurement.Rules; internal static class Placeholder { }
