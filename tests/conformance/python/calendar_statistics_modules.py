import calendar
import statistics as st
print(calendar.month(2024, 2))
print(calendar.isleap(2024), calendar.leapdays(2000, 2025), calendar.monthrange(2024, 2), calendar.weekday(2024, 10, 1))
print(list(calendar.month_name)[1:4], calendar.day_abbr[0])
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), round(st.stdev(data), 4))
print(st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.multimode("aabbc"), st.fmean([1, 2, 4]))
print(st.quantiles(range(1, 11), n=4), st.harmonic_mean([40, 60]), round(st.variance(data), 4))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
