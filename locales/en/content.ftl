## Words the renderer puts around SOP chapters and steps.

step-applies-when = Applies when
step-every-case = Every case
step-mandatory = Mandatory
step-advisory = Advisory
step-basis = Legal basis
condition-and = and
condition-or = or
condition-not = not
