// Entry point only: the commands live in DocketCLI.
print("docket: under construction")
