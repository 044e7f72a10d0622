using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model.Loading;

/// <summary>Reads the products of a category with their tariffs, publications, and the region's expert team.</summary>
internal sealed partial class DesignYamlReader
{
    private List<ProductDto> ReadProducts(YamlNodeBase? node)
    {
        var products = new List<ProductDto>();
        foreach (var item in _reader.Sequence(node, "products"))
        {
            var fields = _reader.Mapping(item, "a product", DesignSchema.Product.Keys);
            if (fields is null)
            {
                continue;
            }

            var category = _reader.Text(_reader.Required(fields, "category"), "product category");
            if (category is { } code)
            {
                CheckProductCategory(code);
            }

            products.Add(new ProductDto(
                _reader.Text(_reader.Required(fields, "code"), "product code")?.Value,
                _reader.Text(_reader.Required(fields, "name"), "product name")?.Value,
                category?.Value,
                _reader.Enum<FinancingForm>(_reader.Required(fields, "variant"), "execution variant"),
                _reader.Enum<ProductUnit>(fields["unit"], "product unit"),
                _reader.Bool(fields["standard"], "standard product code"),
                ReadTariff(fields["tariff"]),
                fields.Span));
        }

        return products;
    }

    private TariffDto? ReadTariff(YamlNodeBase? node)
    {
        if (YamlFieldReader.IsAbsent(node))
        {
            return null;
        }

        var fields = _reader.Mapping(node, "a tariff", DesignSchema.Tariff.Keys);
        if (fields is null)
        {
            return null;
        }

        var buildUp = YamlFieldReader.IsAbsent(fields["costBuildUp"]) ? null : _reader.Mapping(fields["costBuildUp"], "a cost build-up", DesignSchema.CostBuildUp.Keys);
        return new TariffDto(
            _reader.Decimal(_reader.Required(fields, "amount"), "tariff amount"),
            buildUp is null ? null : _reader.Decimal(_reader.Required(buildUp, "staff"), "staff costs"),
            buildUp is null ? null : _reader.Decimal(_reader.Required(buildUp, "clientRelated"), "client-related costs"),
            buildUp is null ? null : _reader.Decimal(_reader.Required(buildUp, "overhead"), "overhead"),
            _reader.Text(fields["indexation"], "indexation")?.Value,
            _reader.Text(fields["differentiation"], "differentiation reason")?.Value);
    }

    private ExpertTeamDto? ReadExpertTeam(YamlNodeBase? node)
    {
        if (YamlFieldReader.IsAbsent(node))
        {
            return null;
        }

        var fields = _reader.Mapping(node, "the expert team", DesignSchema.ExpertTeam.Keys);
        return fields is null
            ? null
            : new ExpertTeamDto(
                _reader.Text(_reader.Required(fields, "id"), "expert team id"),
                _reader.Text(_reader.Required(fields, "name"), "expert team name")?.Value,
                fields.Span);
    }

    private PublicationDto? ReadPublication(YamlNodeBase? node)
    {
        if (YamlFieldReader.IsAbsent(node))
        {
            return null;
        }

        var fields = _reader.Mapping(node, "a publication", DesignSchema.Publication.Keys);
        return fields is null
            ? null
            : new PublicationDto(
                _reader.Enum<PublicationProcedure>(_reader.Required(fields, "procedure"), "publication procedure"),
                _reader.Date(fields["published"], "the publication date"),
                _reader.Text(fields["notice"], "notice reference")?.Value);
    }
}
