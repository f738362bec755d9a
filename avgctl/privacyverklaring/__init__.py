"""Privacy statements per target group (art. 13 and 14 AVG): their content, JSON and checks.
Pure: may import models, render and the other domain packages; git and files stay in store/."""
