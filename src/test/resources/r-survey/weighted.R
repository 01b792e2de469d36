# Reference values for ResultsCalculatorRSurveyTest: post-stratification on the published partition
# (statistics.md). UA-23 and UA-30 have fewer than 10 respondents, so they are hidden and pooled into
# one stratum; ABROAD is not a place and is left out of the weighting.
# Run from this folder: Rscript weighted.R > expected.csv
suppressMessages(library(survey))
d <- read.csv("responses.csv", stringsAsFactors = FALSE)
pop <- read.csv("population.csv", stringsAsFactors = FALSE)
d <- d[d$region %in% pop$region, ]
pooled <- c("UA-23", "UA-30")
d$stratum <- ifelse(d$region %in% pooled, "POOLED", d$region)
pop$stratum <- ifelse(pop$region %in% pooled, "POOLED", pop$region)
totals <- aggregate(population ~ stratum, data = pop, FUN = sum)
names(totals) <- c("stratum", "Freq")
design <- postStratify(svydesign(ids = ~1, weights = ~1, data = d), ~stratum, totals)
w <- weights(design)
sez <- coef(svymean(~I(arrangement == "sez"), design))[2]
trust <- coef(svymean(~trust, design))[1]
neff <- sum(w)^2 / sum(w^2)
out <- data.frame(figure = c("arrangement.sez.share", "trust.mean", "nEffective"),
                  value = c(sez, trust, neff))
write.csv(out, row.names = FALSE, quote = FALSE)
