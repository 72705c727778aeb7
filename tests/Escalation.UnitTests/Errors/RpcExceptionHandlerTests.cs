using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using VideoEngager.Escalation.Errors;

namespace VideoEngager.Escalation.UnitTests.Errors;

public sealed class RpcExceptionHandlerTests
{
    [Fact]
    public void Invalid_argument_becomes_a_validation_problem_naming_each_field()
    {
        var badRequest = new BadRequest
        {
            FieldViolations =
            {
                new BadRequest.Types.FieldViolation { Field = "days", Description = "Days must be between 1 and 31." },
                new BadRequest.Types.FieldViolation { Field = "start", Description = "Start must be a date." },
            },
        };
        var rpc = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "Invalid days, start",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();

        var problem = Assert.IsType<ValidationProblemDetails>(RpcExceptionHandler.ToProblem(rpc));

        Assert.Equal(400, problem.Status);
        Assert.Equal(["days", "start"], problem.Errors.Keys.Order());
        Assert.Equal("Days must be between 1 and 31.", problem.Errors["days"].Single());
    }

    [Theory]
    [InlineData(StatusCode.NotFound, 404)]
    [InlineData(StatusCode.AlreadyExists, 409)]
    [InlineData(StatusCode.FailedPrecondition, 409)]
    [InlineData(StatusCode.ResourceExhausted, 429)]
    [InlineData(StatusCode.Unavailable, 503)]
    [InlineData(StatusCode.Internal, 500)]
    public void Status_codes_map_to_the_public_contract(StatusCode code, int httpStatus)
    {
        var problem = RpcExceptionHandler.ToProblem(new RpcException(new Grpc.Core.Status(code, "detail")));

        Assert.Equal(httpStatus, problem.Status);
    }

    [Fact]
    public void Internal_failures_do_not_leak_their_detail()
    {
        var problem = RpcExceptionHandler.ToProblem(new RpcException(new Grpc.Core.Status(StatusCode.Internal, "Npgsql says hi")));

        Assert.Null(problem.Detail);
    }
}
