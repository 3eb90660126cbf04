## Words the renderer puts around SOP chapters and steps.

step-applies-when = يُطبَّق عندما
step-every-case = في كل قضية
step-mandatory = إلزامي
step-advisory = استرشادي
step-basis = السند القانوني
condition-and = و
condition-or = أو
condition-not = عدم
