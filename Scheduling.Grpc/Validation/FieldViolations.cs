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

    /// <summary>
    /// A refusal of another kind (not found, conflict) that still names the field it is about, as a BadRequest detail
    /// the edge shows the same way as a validation error's.
    /// </summary>
    public static RpcException Refuse(Code code, string field, string description) => new Google.Rpc.Status
    {
        Code = (int)code,
        Message = description,
        Details =
        {
            Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest
            {
                FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } },
            }),
        },
    }.ToRpcException();

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
