using Google.Rpc;
using Grpc.Core;

namespace VideoEngager.Scheduling.Validation;

/// <summary>Collects every bad field of a request, then fails it once as INVALID_ARGUMENT with a BadRequest detail.</summary>
internal sealed class FieldViolations
{
    private readonly BadRequest _badRequest = new();

    public bool Any => _badRequest.FieldViolations.Count > 0;

    public bool HasField(string field) => _badRequest.FieldViolations.Any(v => v.Field == field);

    public FieldViolations Add(string field, string description)
    {
        _badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    public void ThrowIfAny()
    {
        if (!Any)
        {
            return;
        }
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "Invalid " + string.Join(", ", _badRequest.FieldViolations.Select(v => v.Field)),
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(_badRequest) },
        };
        throw status.ToRpcException();
    }
}
